using OutboxGen.Tests.Infrastructure;
using OutboxGen.Tests.Model;

namespace OutboxGen.Tests;

public sealed class KillSwitchTests
{
    [Fact]
    public async Task Skipped_shard_keeps_its_rows_while_others_drain()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.AddAuditEventsAsync(1, 10, 11);
        await db.AddAuditEventsAsync(2, 20);
        var drainer = db.CreateDrainer(new OutboxDrainOptions
        {
            SkippedShards = new HashSet<OutboxShard> { new((int)TestScope.AuditLog, 1) },
        });

        var result = await drainer.DrainAsync();

        Assert.Equal(1, result.ShardsSkipped);
        Assert.Equal([20L], db.Sink.Received.Select(r => r.ObjectIdentifier));
        var kept = await db.CellRowsAsync();
        Assert.Equal([10L, 11L], kept.Select(r => r.ObjectIdentifier));
        Assert.All(kept, row => Assert.Equal(db.Now, row.ScheduledFor));
    }

    [Fact]
    public async Task Skipped_shard_without_a_cell_name_matches_every_cell()
    {
        await using var db = await TestDatabase.CreateAsync();
        await AddMappingAsync(db, id: 41, organizationId: 7, cells: "us,eu");
        await AddMappingAsync(db, id: 42, organizationId: 8, cells: "us");
        var drainer = db.CreateDrainer(new OutboxDrainOptions
        {
            Silo = OutboxSilo.Control,
            SkippedShards = new HashSet<OutboxShard> { new((int)TestScope.Organization, 7) },
        });

        var result = await drainer.DrainAsync();

        Assert.Equal(2, result.ShardsSkipped);
        var received = Assert.Single(db.Sink.Received);
        Assert.Equal(42, received.ObjectIdentifier);
        var kept = await db.ControlRowsAsync();
        Assert.Equal(["eu", "us"], kept.Select(r => r.CellName).Order(StringComparer.Ordinal));
        Assert.All(kept, row => Assert.Equal(7, row.ShardIdentifier));
    }

    [Fact]
    public async Task Skipped_shard_with_a_cell_name_skips_only_that_cell()
    {
        await using var db = await TestDatabase.CreateAsync();
        await AddMappingAsync(db, id: 41, organizationId: 7, cells: "us,eu");
        var drainer = db.CreateDrainer(new OutboxDrainOptions
        {
            Silo = OutboxSilo.Control,
            SkippedShards = new HashSet<OutboxShard> { new((int)TestScope.Organization, 7, "eu") },
        });

        var result = await drainer.DrainAsync();

        Assert.Equal(1, result.ShardsSkipped);
        Assert.Equal("us", Assert.Single(db.Sink.Received).CellName);
        Assert.Equal("eu", Assert.Single(await db.ControlRowsAsync()).CellName);
    }

    private static async Task AddMappingAsync(TestDatabase db, long id, long organizationId, string cells)
    {
        await using var context = db.CreateContext();
        context.Mappings.Add(new OrganizationMapping
        {
            Id = id,
            OrganizationId = organizationId,
            Slug = $"org-{organizationId}",
            Cells = cells,
        });
        await context.SaveChangesAsync();
    }
}
