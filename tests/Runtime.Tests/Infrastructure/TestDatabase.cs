using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OutboxGen.Generated;
using OutboxGen.Tests.Model;

namespace OutboxGen.Tests.Infrastructure;

/// <summary>
/// A SQLite database file in a folder of its own, with a fake clock shared by the writer and the drainers and a
/// sink for what receivers are handed. Disposing it deletes the folder.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>Where every test's clock starts.</summary>
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _folder;

    private TestDatabase()
    {
        _folder = System.IO.Path.Combine(
            System.IO.Path.GetTempPath(),
            "outboxgen-runtime-tests",
            Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        Path = System.IO.Path.Combine(_folder, "outbox.db");

        // Without pooling every connection closes its file when disposed, so the folder can be deleted at once.
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString();
        Options = BuildOptions();
    }

    public string Path { get; }

    public string ConnectionString { get; }

    public FakeTimeProvider Clock { get; } = new(Start);

    public DeliverySink Sink { get; } = new();

    public DbContextOptions<TestDbContext> Options { get; }

    /// <summary>The fake clock's time, as the outbox stores it.</summary>
    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await using var context = database.CreateContext();
        await context.Database.EnsureCreatedAsync();
        return database;
    }

    public TestDbContext CreateContext() => new(Options);

    /// <summary>A context whose options also carry the given interceptors.</summary>
    public TestDbContext CreateContext(params IInterceptor[] interceptors) => new(BuildOptions(interceptors));

    public OutboxDrainer CreateDrainer(OutboxDrainOptions? options = null, ILogger<OutboxDrainer>? logger = null) =>
        new(CreateContext, options, Sink.Services, Clock, logger);

    public async Task<List<CellOutboxRow>> CellRowsAsync()
    {
        await using var context = CreateContext();
        return await context.Set<CellOutboxRow>().AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    public async Task<List<ControlOutboxRow>> ControlRowsAsync()
    {
        await using var context = CreateContext();
        return await context.Set<ControlOutboxRow>().AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    public async Task<List<Member>> MembersAsync()
    {
        await using var context = CreateContext();
        return await context.Members.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    /// <summary>Adds members through the outbox and returns them with their ids.</summary>
    public async Task<Member[]> AddMembersAsync(params Member[] members)
    {
        await using var context = CreateContext();
        context.Members.AddRange(members);
        await context.SaveChangesAsync();
        return members;
    }

    /// <summary>Writes audit events through the outbox, one per object identifier.</summary>
    public async Task AddAuditEventsAsync(long organizationId, params long[] objectIdentifiers)
    {
        await using var context = CreateContext();
        foreach (var objectIdentifier in objectIdentifiers)
        {
            context.AddOutboxMessage(
                TestScope.AuditLog,
                organizationId,
                TestCategory.AuditLogEvent,
                objectIdentifier,
                new AuditEntry(objectIdentifier, "login"));
        }

        await context.SaveChangesAsync();
    }

    /// <summary>Inserts a cell outbox row directly, bypassing the registry's checks; returns its id.</summary>
    public async Task<long> InsertCellRowAsync(
        int scope,
        long shardIdentifier,
        int category,
        long objectIdentifier,
        string? payload)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT INTO cell_outbox (shard_scope, shard_identifier, category, object_identifier, payload, " +
            "scheduled_from, scheduled_for, date_added) VALUES ($scope, $shard, $category, $object, $payload, " +
            "$now, $now, $now) RETURNING id";
        command.Parameters.AddWithValue("$scope", scope);
        command.Parameters.AddWithValue("$shard", shardIdentifier);
        command.Parameters.AddWithValue("$category", category);
        command.Parameters.AddWithValue("$object", objectIdentifier);
        command.Parameters.AddWithValue("$payload", (object?)payload ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", Now);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Runs SQL on a connection of its own, outside any context.</summary>
    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Reads one number on a connection of its own, outside any context.</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private DbContextOptions<TestDbContext> BuildOptions(params IInterceptor[] interceptors)
    {
        var builder = new DbContextOptionsBuilder<TestDbContext>()
            .UseSqlite(ConnectionString)
            .UseOutbox(GeneratedOutbox.Registry, Clock);
        if (interceptors.Length > 0)
        {
            builder.AddInterceptors(interceptors);
        }

        return builder.Options;
    }
}
