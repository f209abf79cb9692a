using HybridCloud;
using HybridCloud.Cell;
using HybridCloud.Control;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OutboxGen.Generated;

SampleOptions options;
try
{
    options = SampleOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

Directory.CreateDirectory(options.DatabaseFolder);
var cellPath = Path.Combine(options.DatabaseFolder, "cell.db");
var controlPath = Path.Combine(options.DatabaseFolder, "control.db");

var cellOptions = new DbContextOptionsBuilder<CellDbContext>()
    .UseSqlite($"Data Source={cellPath}")
    .UseOutbox(GeneratedOutbox.Registry)
    .Options;

var services = new ServiceCollection()
    .AddDbContextFactory<ControlDbContext>(control => control.UseSqlite($"Data Source={controlPath}"))
    .BuildServiceProvider();

CellDbContext CreateCell() => new(cellOptions);

await using (var cell = CreateCell())
{
    await cell.Database.EnsureDeletedAsync();
    await cell.Database.EnsureCreatedAsync();
}

var controlFactory = services.GetRequiredService<IDbContextFactory<ControlDbContext>>();
await using (var control = await controlFactory.CreateDbContextAsync())
{
    await control.Database.EnsureDeletedAsync();
    await control.Database.EnsureCreatedAsync();
}

Console.WriteLine($"OutboxGen hybrid-cloud sample: {options.Rows} changes, seed {options.Seed}");
Console.WriteLine($"  cell silo:    {cellPath}");
Console.WriteLine($"  control silo: {controlPath}");
Console.WriteLine(
    $"  registry:     {GeneratedOutbox.Registry.Scopes.Count} scopes, " +
    $"{GeneratedOutbox.Registry.Categories.Count} categories, {GeneratedOutbox.Registry.Receivers.Count} receivers");

var auditEvents = await new Workload(CreateCell, options.Seed).RunAsync(options.Rows, CancellationToken.None);

var drainer = new OutboxDrainer(CreateCell, new OutboxDrainOptions { Silo = OutboxSilo.Cell }, services);
var depths = await drainer.GetShardDepthsAsync();
var written = depths.Sum(d => d.Depth);
var deepest = depths.FirstOrDefault();
Console.WriteLine(
    $"  shards:       {depths.Count}, deepest {deepest.ScopeName} {deepest.Shard.ShardIdentifier} " +
    $"with {deepest.Depth} rows");

var drained = await Drain.UntilEmptyAsync(drainer, CancellationToken.None);
var check = await Verification.CompareAsync(CreateCell, services, auditEvents, CancellationToken.None);

Console.WriteLine($"rows written:     {written}");
Console.WriteLine($"rows coalesced:   {drained.Coalesced}");
Console.WriteLine($"deliveries:       {drained.Delivered}");
Console.WriteLine($"delivery errors:  {drained.Failures.Count}");
Console.WriteLine($"rows left:        {drained.RowsLeft}");
Console.WriteLine($"replicas checked: {check.Checked}");
Console.WriteLine($"mismatches:       {check.Mismatches.Count}");
foreach (var mismatch in check.Mismatches.Take(20))
{
    Console.WriteLine($"  {mismatch}");
}

var ok = check.Mismatches.Count == 0 && drained.Failures.Count == 0 && drained.RowsLeft == 0
    && drained.Delivered + drained.Coalesced == written;
return ok ? 0 : 1;
