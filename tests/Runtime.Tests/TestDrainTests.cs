using OutboxGen.Testing;
using OutboxGen.Tests.Infrastructure;
using OutboxGen.Tests.Model;

namespace OutboxGen.Tests;

public sealed class TestDrainTests
{
    [Fact]
    public async Task DrainUntilEmpty_drains_round_after_round_until_no_row_is_left()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.AddAuditEventsAsync(1, 10, 10, 11);
        await db.AddAuditEventsAsync(2, 20);
        await db.AddMembersAsync(new Member { OrganizationId = 3, Email = "ada@example.com" });
        var followUps = 0;
        db.Sink.BeforeReceive = async (message, _) =>
        {
            // Each audit event of shard 1 causes one more in shard 2: rows a later round must pick up.
            if (message.ShardIdentifier == 1 && message.ObjectIdentifier < 20)
            {
                followUps++;
                await db.AddAuditEventsAsync(2, 100 + message.ObjectIdentifier);
            }
        };

        var result = await db.CreateDrainer().DrainUntilEmptyAsync();

        Assert.Equal(2, followUps);
        Assert.Equal(6, result.Delivered);
        Assert.Equal(1, result.Coalesced);
        Assert.Empty(result.Failures);
        Assert.Empty(await db.CellRowsAsync());
        Assert.Equal(
            [10L, 11L, 20L, 110L, 111L],
            db.Sink.Received.Where(r => r.Category == TestCategory.AuditLogEvent).Select(r => r.ObjectIdentifier)
                .Order());
    }

    [Fact]
    public async Task DrainUntilEmpty_ignores_backoff()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.AddAuditEventsAsync(1, 10);
        var failing = true;
        db.Sink.BeforeReceive = (_, _) => failing
            ? throw new InvalidOperationException("control is down")
            : Task.CompletedTask;
        var drainer = db.CreateDrainer();
        await drainer.DrainAsync();
        failing = false;

        await drainer.DrainUntilEmptyAsync();

        Assert.Single(db.Sink.Received);
        Assert.Empty(await db.CellRowsAsync());
    }

    [Fact]
    public async Task DrainUntilEmpty_leaves_skipped_shards_alone()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.AddAuditEventsAsync(1, 10);
        await db.AddAuditEventsAsync(2, 20);
        var drainer = db.CreateDrainer(new OutboxDrainOptions
        {
            SkippedShards = new HashSet<OutboxShard> { new((int)TestScope.AuditLog, 1) },
        });

        await drainer.DrainUntilEmptyAsync();

        Assert.Equal(20, Assert.Single(db.Sink.Received).ObjectIdentifier);
        Assert.Equal(10, Assert.Single(await db.CellRowsAsync()).ObjectIdentifier);
    }

    [Fact]
    public async Task Receiver_that_writes_a_row_for_every_row_hits_the_recursion_limit_after_ten_rounds()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.AddAuditEventsAsync(1, 0);
        db.Sink.BeforeReceive = (message, _) => db.AddAuditEventsAsync(1, message.ObjectIdentifier + 1);

        var error = await Assert.ThrowsAsync<OutboxRecursionLimitException>(
            () => db.CreateDrainer().DrainUntilEmptyAsync());

        Assert.Equal(OutboxTestDrain.MaxRounds, error.Rounds);
        Assert.Equal(10, error.Rounds);
        Assert.Equal(1, error.RemainingRows);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), db.Sink.Received.Select(r => r.ObjectIdentifier));
    }

    [Fact]
    public async Task DrainUntilEmpty_throws_a_receiver_error_with_the_row_details()
    {
        await using var db = await TestDatabase.CreateAsync();
        var members = await db.AddMembersAsync(new Member { OrganizationId = 7, Email = "ada@example.com" });
        var rowId = Assert.Single(await db.CellRowsAsync()).Id;
        var thrown = new InvalidOperationException("control is down");
        db.Sink.BeforeReceive = (_, _) => throw thrown;

        var error = await Assert.ThrowsAsync<OutboxDeliveryException>(
            () => db.CreateDrainer().DrainUntilEmptyAsync());

        Assert.Equal(rowId, error.RowId);
        Assert.Equal("MemberUpdate", error.CategoryName);
        Assert.Equal("Organization", error.ScopeName);
        Assert.Same(thrown, error.InnerException);
        Assert.Contains($"row {rowId}", error.Message, StringComparison.Ordinal);
        Assert.Contains("control is down", error.Message, StringComparison.Ordinal);
        Assert.Equal(members[0].Id, Assert.Single(await db.CellRowsAsync()).ObjectIdentifier);
    }
}
