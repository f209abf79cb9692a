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
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.AddOutboxTables(this, OutboxSilo.Cell);
}

/// <summary>A SQLite file in a folder of its own with the cell outbox, a fake clock and a sink for receivers.</summary>
public sealed class PayloadDatabase : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _folder =
        Path.Combine(Path.GetTempPath(), "outboxgen-payload-tests", Guid.NewGuid().ToString("N"));

    private readonly DbContextOptions<PayloadTestContext> _options;

    private PayloadDatabase()
    {
        Directory.CreateDirectory(_folder);
        var connection = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_folder, "outbox.db"),
            Pooling = false,
        };
        _options = new DbContextOptionsBuilder<PayloadTestContext>()
            .UseSqlite(connection.ToString())
            .UseOutbox(GeneratedOutbox.Registry, Clock)
            .Options;
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public PayloadSink Sink { get; } = new();

    public static async Task<PayloadDatabase> CreateAsync()
    {
        var database = new PayloadDatabase();
        await using var context = database.Context();
        await context.Database.EnsureCreatedAsync();
        return database;
    }

    public PayloadTestContext Context() => new(_options);

    public OutboxDrainer Drainer() => new(Context, null, Sink, Clock);

    /// <summary>Writes one audit event per shard through the outbox, its shard number as event id.</summary>
    public async Task WriteAsync(params long[] shards)
    {
        await using var context = Context();
        foreach (var shard in shards)
        {
            var audit = new PayloadAudit(shard, new PayloadActor(shard, $"user{shard}@example.com"), ["login"]);
            context.AddOutboxMessage(PayloadScope.Payloads, shard, PayloadCategory.PayloadAudit, shard, audit);
        }

        await context.SaveChangesAsync();
    }

    /// <summary>Replaces the payload of a shard's only row; returns the row's id.</summary>
    public async Task<long> SetPayloadAsync(long shard, string json)
    {
        await using var context = Context();
        var row = await context.Set<CellOutboxRow>().SingleAsync(r => r.ShardIdentifier == shard);
        row.Payload = json;
        await context.SaveChangesAsync();
        return row.Id;
    }

    public async Task<List<CellOutboxRow>> RowsAsync()
    {
        await using var context = Context();
        return await context.Set<CellOutboxRow>().AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A row whose payload cannot be read is neither delivered nor deleted: its shard goes into backoff, the failure
/// names the row, its category and scope and the JSON path that failed, and the other shards keep draining.
/// </summary>
public sealed class UnreadablePayloadTests
{
    private const string Readable = """{"eventId":2,"actor":{"userId":2,"email":"b@example.com"},"tags":[]}""";

    [Theory]
    [InlineData("""{"eventId":2,"actor":{"userId":"two","email":"b@example.com"},"tags":[]}""", "$.actor.userId")]
    [InlineData("""{"eventId":2,"actor":{"userId":2,"email":"b@example.com"},"tags":["a",7]}""", "$.tags[1]")]
    [InlineData("""{"eventId":2,"actor":{"userId":2},"tags":[]}""", "$.actor.email")]
    [InlineData("""{"eventId":2,"actor":{"userId":2,"email":"b@exa""", "$.actor.email")]
    public async Task A_row_with_an_unreadable_payload_stays_in_backoff_while_other_shards_drain(
        string json,
        string path)
    {
        await using var db = await PayloadDatabase.CreateAsync();
        await db.WriteAsync(1, 2, 3);
        var unreadable = await db.SetPayloadAsync(shard: 2, json);

        var result = await db.Drainer().DrainAsync();

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
        Assert.Equal([1L, 3L], db.Sink.Received.Select(r => r.Audit.EventId));
        Assert.DoesNotContain(db.Sink.Received, r => r.RowId == unreadable);
        var row = Assert.Single(await db.RowsAsync());
        Assert.Equal(unreadable, row.Id);
        Assert.Equal(PayloadDatabase.Start.UtcDateTime.AddSeconds(1), row.ScheduledFor);
    }

    [Fact]
    public async Task A_row_with_an_unreadable_payload_is_retried_after_its_backoff_and_delivered_once_fixed()
    {
        await using var db = await PayloadDatabase.CreateAsync();
        await db.WriteAsync(2);
        var unreadable = await db.SetPayloadAsync(shard: 2, """{"eventId":2}""");
        await db.Drainer().DrainAsync();
        await db.SetPayloadAsync(shard: 2, Readable);

        var early = await db.Drainer().DrainAsync();
        db.Clock.Advance(TimeSpan.FromSeconds(1));
        var due = await db.Drainer().DrainAsync();

        Assert.Equal(0, early.Delivered);
        Assert.Equal(1, due.Delivered);
        Assert.Equal(unreadable, Assert.Single(db.Sink.Received).RowId);
        Assert.Empty(await db.RowsAsync());
    }
}
