using HybridCloud.Cell;
using HybridCloud.Control;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OutboxGen.Generated;

namespace HybridCloud;

/// <summary>
/// One run of the sample: empty cell and control databases, a random workload in the cell, a drain of the cell
/// outbox into control, and a comparison of every replica with its source.
/// </summary>
public static class SampleRun
{
    /// <summary>Runs the sample and prints what it did; returns whether every replica matches its source.</summary>
    public static async Task<bool> RunAsync(
        SampleOptions options,
        DatabaseFolder folder,
        CancellationToken cancellationToken)
    {
        var cellOptions = new DbContextOptionsBuilder<CellDbContext>()
            .UseSqlite(ConnectionString(folder.CellPath))
            .UseOutbox(GeneratedOutbox.Registry)
            .Options;
        CellDbContext CreateCell() => new(cellOptions);

        // Receivers reach the control silo through these services: the drainer hands them to every receiver.
        // Control has its own outbox table toward the cells, so its context needs UseOutbox too.
        await using var services = new ServiceCollection()
            .AddDbContextFactory<ControlDbContext>(control => control
                .UseSqlite(ConnectionString(folder.ControlPath))
                .UseOutbox(GeneratedOutbox.Registry))
            .BuildServiceProvider();
        await CreateDatabasesAsync(CreateCell, services, cancellationToken);
        PrintHeader(options, folder);

        var auditEvents = await new Workload(CreateCell, options.Seed).RunAsync(options.Rows, cancellationToken);

        var drainer = new OutboxDrainer(CreateCell, new OutboxDrainOptions { Silo = OutboxSilo.Cell }, services);
        var depths = await drainer.GetShardDepthsAsync(cancellationToken);
        var written = depths.Sum(d => d.Depth);
        PrintShards(depths);

        var drained = await Drain.UntilEmptyAsync(drainer, cancellationToken);
        var check = await Verification.CompareAsync(CreateCell, services, auditEvents, cancellationToken);

        PrintResults(written, drained, check);
        return check.Mismatches.Count == 0 && drained.Failures.Count == 0 && drained.RowsLeft == 0
            && drained.Delivered + drained.Coalesced == written;
    }

    // The builder quotes the path, so a folder name with a semicolon or a quote cannot break the connection string.
    private static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path }.ToString();

    private static async Task CreateDatabasesAsync(
        Func<CellDbContext> createCell,
        IServiceProvider services,
        CancellationToken cancellationToken)
    {
        await using var cell = createCell();
        await cell.Database.EnsureCreatedAsync(cancellationToken);

        await using var control = await services.GetRequiredService<IDbContextFactory<ControlDbContext>>()
            .CreateDbContextAsync(cancellationToken);
        await control.Database.EnsureCreatedAsync(cancellationToken);
    }

    private static void PrintHeader(SampleOptions options, DatabaseFolder folder)
    {
        var registry = GeneratedOutbox.Registry;
        Console.WriteLine($"OutboxGen hybrid-cloud sample: {options.Rows} changes, seed {options.Seed}");
        Console.WriteLine("  Changes members, projects and teams and writes audit events in a cell silo, drains the");
        Console.WriteLine("  cell outbox into a control silo, then compares every replica with its source.");
        if (folder.DeletedFiles.Count > 0)
        {
            Console.WriteLine(
                $"  Deleted {string.Join(", ", folder.DeletedFiles)} of an earlier run: the sample starts from empty " +
                "databases.");
        }

        Console.WriteLine($"  cell silo:    {folder.CellPath}");
        Console.WriteLine($"  control silo: {folder.ControlPath}");
        Console.WriteLine(
            $"  registry:     {registry.Scopes.Count} scopes, {registry.Categories.Count} categories, " +
            $"{registry.Receivers.Count} receivers");
    }

    private static void PrintShards(IReadOnlyList<OutboxShardDepth> depths)
    {
        // Every scope the workload writes is sharded by organization, so a shard is a scope and an organization.
        var deepest = depths.Count == 0
            ? ""
            : $"; deepest {depths[0].ScopeName} {depths[0].Shard.ShardIdentifier} with {depths[0].Depth} rows";
        Console.WriteLine($"  shards:       {depths.Count} with rows waiting, one per scope and organization{deepest}");
    }

    private static void PrintResults(long written, Drain.Summary drained, Verification.Result check)
    {
        Console.WriteLine(
            $"rows written:     {written,-8} one per object changed in a save, and one per audit event");
        Console.WriteLine(
            $"rows coalesced:   {drained.Coalesced,-8} deleted undelivered: a later row of their object went instead");
        Console.WriteLine($"deliveries:       {drained.Delivered,-8} rows handed to a receiver");
        Console.WriteLine($"delivery errors:  {drained.Failures.Count,-8} receivers that threw (printed above)");
        Console.WriteLine($"rows left:        {drained.RowsLeft,-8} rows still in the cell outbox after the drain");
        Console.WriteLine(
            $"replicas checked: {check.Checked,-8} members, projects and teams compared with the cell; audit events");
        Console.WriteLine($"mismatches:       {check.Mismatches.Count,-8} replicas that differ from their source");
        foreach (var mismatch in check.Mismatches.Take(20))
        {
            Console.WriteLine($"  {mismatch}");
        }
    }
}
