using System.Transactions;
using Microsoft.Extensions.Logging;
using OutboxGen.Tests.Infrastructure;
using OutboxGen.Tests.Model;

namespace OutboxGen.Tests;

public sealed class DrainFailureTests
{
    [Fact]
    public async Task Receiver_error_keeps_the_row_and_leaves_the_shard_in_backoff()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.AddAuditEventsAsync(1, 10, 11);
        db.Sink.BeforeReceive = (_, _) => throw new InvalidOperationException("control is down");

        await db.CreateDrainer().DrainAsync();

        var rows = await db.CellRowsAsync();
        Assert.Equal([10L, 11L], rows.Select(r => r.ObjectIdentifier));
        Assert.All(rows, row =>
        {
            Assert.Equal(db.Now, row.ScheduledFrom);
            Assert.Equal(db.Now.AddSeconds(1), row.ScheduledFor);
        });
        Assert.Single(db.Sink.Attempts);
        Assert.Empty(db.Sink.Received);
    }

    [Fact]
    public async Task Receiver_error_is_reported_with_the_row_id_category_and_scope_names()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.AddMembersAsync(new Member { OrganizationId = 7, Email = "ada@example.com" });
        var rowId = Assert.Single(await db.CellRowsAsync()).Id;
        var thrown = new InvalidOperationException("control is down");
        db.Sink.BeforeReceive = (_, _) => throw thrown;
        var logger = new RecordingLogger();

        var result = await db.CreateDrainer(logger: logger).DrainAsync();

        var failure = Assert.Single(result.Failures);
        Assert.Equal(rowId, failure.RowId);
        Assert.Equal("MemberUpdate", failure.CategoryName);
        Assert.Equal("Organization", failure.ScopeName);
        Assert.Equal(OutboxSilo.Cell, failure.Silo);
        Assert.Equal(new OutboxShard((int)TestScope.Organization, 7), failure.Shard);
        Assert.Same(thrown, failure.InnerException);
        var logged = Assert.Single(logger.Entries, e => e.Level == LogLevel.Error);
        Assert.Same(thrown, logged.Exception);
        Assert.Equal(rowId, logged.Values["RowId"]);
        Assert.Equal("MemberUpdate", logged.Values["CategoryName"]);
        Assert.Equal("Organization", logged.Values["ScopeName"]);
        Assert.Equal(db.Now.AddSeconds(1), logged.Values["BackoffUntil"]);
    }

    [Fact]
    public async Task Receiver_error_does_not_stop_other_shards()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.AddAuditEventsAsync(1, 10);
        await db.AddAuditEventsAsync(2, 20);
        await db.AddAuditEventsAsync(3, 30);
        db.Sink.BeforeReceive = (message, _) => message.ShardIdentifier == 2
            ? throw new InvalidOperationException("control is down")
            : Task.CompletedTask;

        var result = await db.CreateDrainer().DrainAsync();

        Assert.Equal([10L, 30L], db.Sink.Received.Select(r => r.ObjectIdentifier));
        Assert.Equal(2, result.Delivered);
        Assert.Equal(2, Assert.Single(result.Failures).Shard.ShardIdentifier);
        Assert.Equal(20, Assert.Single(await db.CellRowsAsync()).ObjectIdentifier);
    }

    [Fact]
    public async Task Receiver_error_stops_its_shard_at_the_failed_row()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.AddAuditEventsAsync(1, 10, 11, 12);
        db.Sink.BeforeReceive = (message, _) => message.ObjectIdentifier == 11
            ? throw new InvalidOperationException("control is down")
            : Task.CompletedTask;

        await db.CreateDrainer().DrainAsync();

        Assert.Equal([10L], db.Sink.Received.Select(r => r.ObjectIdentifier));
        Assert.Equal(2, db.Sink.Attempts.Count);
        Assert.Equal([11L, 12L], (await db.CellRowsAsync()).Select(r => r.ObjectIdentifier));
    }

    [Fact]
    public async Task Unreadable_payload_is_a_reported_failure_and_the_row_stays()
    {
        await using var db = await TestDatabase.CreateAsync();
        var rowId = await db.InsertCellRowAsync(
            (int)TestScope.AuditLog,
            1,
            (int)TestCategory.AuditLogEvent,
            10,
            "{ not json");

        var result = await db.CreateDrainer().DrainAsync();

        var failure = Assert.Single(result.Failures);
        Assert.Equal(rowId, failure.RowId);
        Assert.IsType<OutboxPayloadException>(failure.InnerException);
        Assert.Empty(db.Sink.Attempts);
        Assert.Equal(rowId, Assert.Single(await db.CellRowsAsync()).Id);
    }

    [Fact]
    public async Task Missing_payload_for_a_receiver_that_needs_one_is_a_failure_and_the_row_stays()
    {
        await using var db = await TestDatabase.CreateAsync();
        var rowId = await db.InsertCellRowAsync((int)TestScope.AuditLog, 1, (int)TestCategory.AuditLogEvent, 10, null);

        var result = await db.CreateDrainer().DrainAsync();

        Assert.IsType<OutboxPayloadException>(Assert.Single(result.Failures).InnerException);
        Assert.Equal(rowId, Assert.Single(await db.CellRowsAsync()).Id);
    }

    [Fact]
    public async Task Unknown_category_is_a_failure_and_the_row_stays()
    {
        await using var db = await TestDatabase.CreateAsync();
        var rowId = await db.InsertCellRowAsync((int)TestScope.Organization, 1, 99, 10, null);

        var result = await db.CreateDrainer().DrainAsync();

        var failure = Assert.Single(result.Failures);
        Assert.Equal(rowId, failure.RowId);
        Assert.Equal("#99", failure.CategoryName);
        Assert.Equal("Organization", failure.ScopeName);
        Assert.IsType<OutboxRegistryException>(failure.InnerException);
        Assert.Equal(rowId, Assert.Single(await db.CellRowsAsync()).Id);
    }

    [Fact]
    public async Task Category_outside_the_row_scope_is_a_failure_and_the_row_stays()
    {
        await using var db = await TestDatabase.CreateAsync();
        var rowId = await db.InsertCellRowAsync(
            (int)TestScope.AuditLog,
            1,
            (int)TestCategory.MemberUpdate,
            10,
            null);

        var result = await db.CreateDrainer().DrainAsync();

        var failure = Assert.Single(result.Failures);
        Assert.Equal("MemberUpdate", failure.CategoryName);
        Assert.Equal("AuditLog", failure.ScopeName);
        var inner = Assert.IsType<OutboxRegistryException>(failure.InnerException);
        Assert.Contains("belongs to scope Organization", inner.Message, StringComparison.Ordinal);
        Assert.Empty(db.Sink.Attempts);
        Assert.Equal(rowId, Assert.Single(await db.CellRowsAsync()).Id);
    }

    [Fact]
    public async Task Category_without_a_receiver_is_a_failure_and_the_row_stays()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using (var context = db.CreateContext())
        {
            context.AddOutboxMessage(TestScope.AuditLog, 1, TestCategory.UnreceivedEvent, 10);
            await context.SaveChangesAsync();
        }

        var result = await db.CreateDrainer().DrainAsync();

        var failure = Assert.Single(result.Failures);
        Assert.Equal("UnreceivedEvent", failure.CategoryName);
        var inner = Assert.IsType<OutboxRegistryException>(failure.InnerException);
        Assert.Contains("No receiver is registered", inner.Message, StringComparison.Ordinal);
        Assert.Single(await db.CellRowsAsync());
    }

    [Fact]
    public async Task Drain_refuses_to_run_inside_a_transaction_scope()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.AddAuditEventsAsync(1, 10);
        var drainer = db.CreateDrainer();

        using (new TransactionScope(TransactionScopeAsyncFlowOption.Enabled))
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => drainer.DrainAsync());
        }

        Assert.Empty(db.Sink.Attempts);
        Assert.Single(await db.CellRowsAsync());
    }

    [Fact]
    public async Task Drain_refuses_a_context_with_an_open_transaction()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.AddAuditEventsAsync(1, 10);
        var created = new List<TestDbContext>();
        var drainer = new OutboxDrainer(
            () =>
            {
                var context = db.CreateContext();
                context.Database.BeginTransaction();
                created.Add(context);
                return context;
            },
            services: db.Sink.Services,
            timeProvider: db.Clock);

        await Assert.ThrowsAsync<InvalidOperationException>(() => drainer.DrainAsync());

        Assert.Empty(db.Sink.Attempts);
        Assert.Single(await db.CellRowsAsync());
        Assert.All(created, context => Assert.Throws<ObjectDisposedException>(() => context.Members.Count()));
    }
}
