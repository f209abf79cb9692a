using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OutboxGen.Generated;

namespace OutboxGen.Tests.Payloads;

public enum PayloadScope
{
    [OutboxScope(ShardKey = "OrganizationId")]
    Payloads = 9200,
}

public enum PayloadCategory
{
    [OutboxCategory(PayloadScope.Payloads)]
    PayloadAudit = 9200,
}

public sealed record PayloadActor(long UserId, string Email);

public sealed record PayloadAudit(long EventId, PayloadActor Actor, IReadOnlyList<string> Tags);

/// <summary>What the receiver below was handed, reached through <see cref="OutboxMessage.Services"/>.</summary>
public sealed class PayloadSink : IServiceProvider
{
    public List<(long RowId, PayloadAudit Audit)> Received { get; } = [];

    public object? GetService(Type serviceType) => serviceType == typeof(PayloadSink) ? this : null;
}

public static class PayloadAuditReceivers
{
    [OutboxReceiver(PayloadCategory.PayloadAudit)]
    public static Task RecordAsync(PayloadAudit audit, OutboxMessage message, CancellationToken cancellationToken)
    {
        ((PayloadSink)message.Services.GetService(typeof(PayloadSink))!).Received.Add((message.Id, audit));
        return Task.CompletedTask;
    }
}

public sealed class PayloadTestContext(DbContextOptions<PayloadTestContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxTables(OutboxSilo.Cell);
}

/// <summary>
/// A row whose payload cannot be read is neither delivered nor deleted: its shard goes into backoff, the failure
/// names the row, its category and scope and the JSON path that failed, and the other shards keep draining.
/// </summary>
public sealed class UnreadablePayloadTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _folder =
        Path.Combine(Path.GetTempPath(), "outboxgen-payload-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly PayloadSink _sink = new();
    private readonly DbContextOptions<PayloadTestContext> _options;

    public UnreadablePayloadTests()
    {
        Directory.CreateDirectory(_folder);
        var connection = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_folder, "outbox.db"),
            Pooling = false,
        };
        _options = new DbContextOptionsBuilder<PayloadTestContext>()
            .UseSqlite(connection.ToString())
            .UseOutbox(GeneratedOutbox.Registry, _clock)
            .Options;
    }

    [Theory]
    [InlineData("""{"eventId":2,"actor":{"userId":"two","email":"b@example.com"},"tags":[]}""", "$.actor.userId")]
    [InlineData("""{"eventId":2,"actor":{"userId":2,"email":"b@example.com"},"tags":["a",7]}""", "$.tags[1]")]
    [InlineData("""{"eventId":2,"actor":{"userId":2},"tags":[]}""", "$.actor.email")]
    [InlineData("""{"eventId":2,"actor":{"userId":2,"email":"b@exa""", "$.actor.email")]
    public async Task A_row_with_an_unreadable_payload_stays_in_backoff_while_other_shards_drain(
        string json,
        string path)
    {
        await CreateAsync();
        await WriteAsync(1, 2, 3);
        var unreadable = await CorruptAsync(shard: 2, json);

        var result = await Drainer().DrainAsync();

        var failure = Assert.Single(result.Failures);
        Assert.Equal(unreadable, failure.RowId);
        Assert.Equal("PayloadAudit", failure.CategoryName);
        Assert.Equal("Payloads", failure.ScopeName);
        Assert.Equal(2, failure.Shard.ShardIdentifier);
        var payloadError = Assert.IsType<OutboxPayloadException>(failure.InnerException);
        Assert.Equal(path, payloadError.JsonPath);
        Assert.Contains($"row {unreadable} ", failure.Message, StringComparison.Ordinal);
        Assert.Contains("category PayloadAudit, scope Payloads", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"'{path}'", failure.Message, StringComparison.Ordinal);
        Assert.Equal([1L, 3L], _sink.Received.Select(r => r.Audit.EventId));
        Assert.DoesNotContain(_sink.Received, r => r.RowId == unreadable);
        var row = Assert.Single(await RowsAsync());
        Assert.Equal(unreadable, row.Id);
        Assert.Equal(Start.UtcDateTime.AddSeconds(1), row.ScheduledFor);
    }

    [Fact]
    public async Task A_row_with_an_unreadable_payload_is_retried_after_its_backoff_and_delivered_once_fixed()
    {
        await CreateAsync();
        await WriteAsync(2);
        var unreadable = await CorruptAsync(shard: 2, """{"eventId":2}""");
        await Drainer().DrainAsync();
        await FixAsync(unreadable);

        var early = await Drainer().DrainAsync();
        _clock.Advance(TimeSpan.FromSeconds(1));
        var due = await Drainer().DrainAsync();

        Assert.Equal(0, early.Delivered);
        Assert.Equal(1, due.Delivered);
        Assert.Equal(unreadable, Assert.Single(_sink.Received).RowId);
        Assert.Empty(await RowsAsync());
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    private OutboxDrainer Drainer() => new(() => new PayloadTestContext(_options), null, _sink, _clock);

    private async Task CreateAsync()
    {
        await using var context = new PayloadTestContext(_options);
        await context.Database.EnsureCreatedAsync();
    }

    private async Task WriteAsync(params long[] shards)
    {
        await using var context = new PayloadTestContext(_options);
        foreach (var shard in shards)
        {
            var audit = new PayloadAudit(shard, new PayloadActor(shard, $"user{shard}@example.com"), ["login"]);
            context.AddOutboxMessage(PayloadScope.Payloads, shard, PayloadCategory.PayloadAudit, shard, audit);
        }

        await context.SaveChangesAsync();
    }

    private async Task<long> CorruptAsync(long shard, string json)
    {
        await using var context = new PayloadTestContext(_options);
        var row = await context.Set<CellOutboxRow>().SingleAsync(r => r.ShardIdentifier == shard);
        row.Payload = json;
        await context.SaveChangesAsync();
        return row.Id;
    }

    private async Task FixAsync(long rowId)
    {
        await using var context = new PayloadTestContext(_options);
        var row = await context.Set<CellOutboxRow>().SingleAsync(r => r.Id == rowId);
        row.Payload = """{"eventId":2,"actor":{"userId":2,"email":"b@example.com"},"tags":[]}""";
        await context.SaveChangesAsync();
    }

    private async Task<List<CellOutboxRow>> RowsAsync()
    {
        await using var context = new PayloadTestContext(_options);
        return await context.Set<CellOutboxRow>().AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }
}
