using OutboxGen.Tests.Infrastructure;
using OutboxGen.Tests.Model;

namespace OutboxGen.Tests;

public sealed class DrainTests
{
    [Fact]
    public async Task Drain_delivers_only_shards_that_are_due()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.AddAuditEventsAsync(1, 10);
        await db.AddAuditEventsAsync(2, 20);
        var later = db.Now.AddSeconds(30);
        await db.ExecuteAsync(
            "UPDATE cell_outbox SET scheduled_for = $later WHERE shard_identifier = 2",
            ("$later", later));
        var drainer = db.CreateDrainer();

        var result = await drainer.DrainAsync();

        var received = Assert.Single(db.Sink.Received);
        Assert.Equal(10, received.ObjectIdentifier);
        Assert.Equal(1, result.ShardsDrained);
        var left = Assert.Single(await db.CellRowsAsync());
        Assert.Equal(20, left.ObjectIdentifier);
        Assert.Equal(later, left.ScheduledFor);
    }

    [Fact]
    public async Task Claim_moves_the_whole_shard_forward_before_delivery()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.AddAuditEventsAsync(1, 10, 11, 12);
        await db.AddAuditEventsAsync(2, 20);
        var seen = new List<(long ObjectIdentifier, DateTime From, DateTime For)>();
        var seenFromReceiver = false;
        db.Sink.BeforeReceive = async (message, _) =>
        {
            if (seenFromReceiver || message.ShardIdentifier != 1)
            {
                return;
            }

            seenFromReceiver = true;
            var rows = await db.CellRowsAsync();
            seen.AddRange(rows.Select(r => (r.ObjectIdentifier, r.ScheduledFrom, r.ScheduledFor)));
        };
        var claimedAt = db.Now;

        await db.CreateDrainer().DrainAsync();

        Assert.Equal(
            [
                (10L, claimedAt, claimedAt.AddSeconds(1)),
                (11L, claimedAt, claimedAt.AddSeconds(1)),
                (12L, claimedAt, claimedAt.AddSeconds(1)),
                (20L, claimedAt, claimedAt),
            ],
            seen);
    }

    [Fact]
    public async Task Message_carries_the_claimed_schedule_and_the_row_details()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.AddAuditEventsAsync(7, 70);
        var messages = new List<OutboxMessage>();
        db.Sink.BeforeReceive = (message, _) =>
        {
            messages.Add(message);
            return Task.CompletedTask;
        };
        var rowId = Assert.Single(await db.CellRowsAsync()).Id;

        await db.CreateDrainer().DrainAsync();

        var message = Assert.Single(messages);
        Assert.Equal(rowId, message.Id);
        Assert.Equal(OutboxSilo.Cell, message.Silo);
        Assert.Equal("AuditLog", message.Scope.Name);
        Assert.Equal("AuditLogEvent", message.Category.Name);
        Assert.Equal(7, message.ShardIdentifier);
        Assert.Equal(70, message.ObjectIdentifier);
        Assert.Null(message.CellName);
        Assert.Equal(db.Now, message.DateAdded);
        Assert.Equal(db.Now, message.ScheduledFrom);
        Assert.Equal(db.Now.AddSeconds(1), message.ScheduledFor);
        Assert.Same(db.Sink, DeliverySink.From(message.Services));
        Assert.Equal(new AuditEntry(70, "login"), Assert.Single(db.Sink.Received).Payload);
    }

    [Fact]
    public async Task Coalesced_group_delivers_only_its_highest_id_and_deletes_the_rest()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.AddAuditEventsAsync(1, 10, 10, 10, 10);
        var ids = (await db.CellRowsAsync()).Select(r => r.Id).ToArray();

        var result = await db.CreateDrainer().DrainAsync();

        var received = Assert.Single(db.Sink.Received);
        Assert.Equal(ids.Max(), received.RowId);
        Assert.Equal(1, result.Delivered);
        Assert.Equal(3, result.Coalesced);
        Assert.Empty(await db.CellRowsAsync());
    }

    [Fact]
    public async Task Groups_are_delivered_in_the_order_of_their_first_row()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.AddAuditEventsAsync(1, 10, 20, 10, 30, 20);
        var ids = (await db.CellRowsAsync()).Select(r => r.Id).ToArray();

        var result = await db.CreateDrainer().DrainAsync();

        Assert.Equal([ids[2], ids[4], ids[3]], db.Sink.Received.Select(r => r.RowId));
        Assert.Equal([10L, 20L, 30L], db.Sink.Received.Select(r => r.ObjectIdentifier));
        Assert.Equal(3, result.Delivered);
        Assert.Equal(2, result.Coalesced);
        Assert.Empty(await db.CellRowsAsync());
    }

    [Fact]
    public async Task Coalescing_deletes_a_group_larger_than_the_delete_batch()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.AddAuditEventsAsync(1, Enumerable.Repeat(10L, 10).ToArray());
        await db.AddAuditEventsAsync(1, 20);
        var ids = (await db.CellRowsAsync()).Select(r => r.Id).ToArray();
        var drainer = db.CreateDrainer(new OutboxDrainOptions { DeleteBatchSize = 3 });

        var result = await drainer.DrainAsync();

        Assert.Equal([ids[9], ids[10]], db.Sink.Received.Select(r => r.RowId));
        Assert.Equal(2, result.Delivered);
        Assert.Equal(9, result.Coalesced);
        Assert.Empty(await db.CellRowsAsync());
    }

    [Fact]
    public async Task Coalescing_deletes_a_group_that_is_an_exact_multiple_of_the_delete_batch()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.AddAuditEventsAsync(1, Enumerable.Repeat(10L, 6).ToArray());
        var drainer = db.CreateDrainer(new OutboxDrainOptions { DeleteBatchSize = 3 });

        var result = await drainer.DrainAsync();

        Assert.Single(db.Sink.Received);
        Assert.Equal(5, result.Coalesced);
        Assert.Empty(await db.CellRowsAsync());
    }

    [Fact]
    public async Task Row_written_during_delivery_survives_and_is_delivered_next_round()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.AddAuditEventsAsync(1, 10);
        var wrote = false;
        db.Sink.BeforeReceive = async (_, _) =>
        {
            if (!wrote)
            {
                wrote = true;
                await db.AddAuditEventsAsync(1, 10);
            }
        };
        var drainer = db.CreateDrainer();

        await drainer.DrainAsync();
        var afterFirstRound = await db.CellRowsAsync();
        await drainer.DrainAsync();

        var written = Assert.Single(afterFirstRound);
        Assert.Equal(10, written.ObjectIdentifier);
        Assert.Equal(2, db.Sink.Received.Count);
        Assert.Equal(written.Id, db.Sink.Received[1].RowId);
        Assert.Empty(await db.CellRowsAsync());
    }

    [Fact]
    public async Task Replicated_model_is_delivered_to_its_replication_handler_as_stored_now()
    {
        await using var db = await TestDatabase.CreateAsync();
        var members = await db.AddMembersAsync(new Member { OrganizationId = 7, Email = "ada@example.com" });
        await using (var context = db.CreateContext())
        {
            var stored = await context.Members.FindAsync(members[0].Id);
            stored!.Role = "owner";
            await context.SaveChangesAsync();
        }

        var result = await db.CreateDrainer().DrainAsync();

        var received = Assert.Single(db.Sink.Received);
        Assert.Equal(ReceivedAs.Replicated, received.As);
        Assert.Equal(new MemberPayload("ada@example.com", "owner"), received.Payload);
        Assert.Equal(1, result.Coalesced);
    }

    [Fact]
    public async Task Deleted_model_is_delivered_to_its_deletion_handler_with_the_payload()
    {
        await using var db = await TestDatabase.CreateAsync();
        var members = await db.AddMembersAsync(new Member { OrganizationId = 7, Email = "ada@example.com" });
        await using (var context = db.CreateContext())
        {
            context.Members.Remove((await context.Members.FindAsync(members[0].Id))!);
            await context.SaveChangesAsync();
        }

        await db.CreateDrainer().DrainAsync();

        var received = Assert.Single(db.Sink.Received);
        Assert.Equal(ReceivedAs.Deleted, received.As);
        Assert.Equal(members[0].Id, received.ObjectIdentifier);
        Assert.Equal(new MemberPayload("ada@example.com", "member"), received.Payload);
    }

    [Fact]
    public async Task Control_rows_are_delivered_once_per_target_cell()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using (var context = db.CreateContext())
        {
            context.Mappings.Add(
                new OrganizationMapping { Id = 41, OrganizationId = 7, Slug = "acme", Cells = "us,eu" });
            await context.SaveChangesAsync();
        }

        var result = await db.CreateDrainer(new OutboxDrainOptions { Silo = OutboxSilo.Control }).DrainAsync();

        Assert.Equal(2, result.ShardsDrained);
        Assert.Equal(["eu", "us"], db.Sink.Received.Select(r => r.CellName).Order(StringComparer.Ordinal));
        Assert.All(db.Sink.Received, r => Assert.Equal("acme", r.Payload));
        Assert.Empty(await db.ControlRowsAsync());
    }

    [Fact]
    public async Task Shard_depths_are_listed_deepest_first()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.AddAuditEventsAsync(1, 10);
        await db.AddAuditEventsAsync(2, 20, 21, 22);
        await db.AddMembersAsync(
            new Member { OrganizationId = 3, Email = "a@example.com" },
            new Member { OrganizationId = 3, Email = "b@example.com" });
        var drainer = db.CreateDrainer(new OutboxDrainOptions
        {
            SkippedShards = new HashSet<OutboxShard> { new((int)TestScope.AuditLog, 2) },
        });

        var depths = await drainer.GetShardDepthsAsync();

        Assert.Equal(
            [
                new OutboxShardDepth(new OutboxShard((int)TestScope.AuditLog, 2), "AuditLog", 3),
                new OutboxShardDepth(new OutboxShard((int)TestScope.Organization, 3), "Organization", 2),
                new OutboxShardDepth(new OutboxShard((int)TestScope.AuditLog, 1), "AuditLog", 1),
            ],
            depths);
    }
}
