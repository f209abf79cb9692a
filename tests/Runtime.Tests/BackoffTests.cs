using OutboxGen.Tests.Infrastructure;
using OutboxGen.Tests.Model;

namespace OutboxGen.Tests;

/// <summary>The backoff as the drain applies it, on the fake clock shared by writer and drainer.</summary>
public sealed class BackoffTests
{
    [Fact]
    public async Task Backoff_doubles_from_one_second_up_to_one_hour_on_every_pick_up()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.AddAuditEventsAsync(1, 10, 11);
        db.Sink.BeforeReceive = (_, _) => throw new InvalidOperationException("control is down");
        var drainer = db.CreateDrainer();
        var expected = new[] { 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 3600, 3600, 3600 };
        var seen = new List<int>();

        foreach (var _ in expected)
        {
            var pickedUpAt = db.Now;
            var result = await drainer.DrainAsync();
            Assert.Single(result.Failures);
            var rows = await db.CellRowsAsync();
            Assert.All(rows, row => Assert.Equal(pickedUpAt, row.ScheduledFrom));
            var scheduledFor = Assert.Single(rows.Select(r => r.ScheduledFor).Distinct());
            seen.Add((int)(scheduledFor - pickedUpAt).TotalSeconds);
            db.Clock.SetUtcNow(new DateTimeOffset(scheduledFor, TimeSpan.Zero));
        }

        Assert.Equal(expected, seen);
        Assert.Equal(expected.Length, db.Sink.Attempts.Count);
    }

    [Fact]
    public async Task Backoff_counts_from_the_pick_up_not_from_the_missed_schedule()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.AddAuditEventsAsync(1, 10);
        db.Sink.BeforeReceive = (_, _) => throw new InvalidOperationException("control is down");
        var drainer = db.CreateDrainer();
        await drainer.DrainAsync();
        db.Clock.Advance(TimeSpan.FromMinutes(10));

        await drainer.DrainAsync();

        var row = Assert.Single(await db.CellRowsAsync());
        Assert.Equal(db.Now, row.ScheduledFrom);
        Assert.Equal(db.Now.AddSeconds(2), row.ScheduledFor);
    }

    [Fact]
    public async Task Shard_in_backoff_is_not_drained_before_its_time()
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
        db.Clock.Advance(TimeSpan.FromSeconds(1) - TimeSpan.FromTicks(1));

        var early = await drainer.DrainAsync();
        db.Clock.Advance(TimeSpan.FromTicks(1));
        var due = await drainer.DrainAsync();

        Assert.Equal(0, early.ShardsDrained);
        Assert.Equal(1, due.ShardsDrained);
        Assert.Equal(2, db.Sink.Attempts.Count);
        Assert.Single(db.Sink.Received);
        Assert.Empty(await db.CellRowsAsync());
    }

    [Fact]
    public async Task Row_added_to_a_shard_in_backoff_waits_for_the_backoff()
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
        db.Clock.Advance(TimeSpan.FromMilliseconds(500));
        await db.AddAuditEventsAsync(1, 11);

        var early = await drainer.DrainAsync();
        db.Clock.Advance(TimeSpan.FromMilliseconds(500));
        var due = await drainer.DrainAsync();

        Assert.Equal(0, early.ShardsDrained);
        Assert.Equal(1, due.ShardsDrained);
        Assert.Equal([10L, 11L], db.Sink.Received.Select(r => r.ObjectIdentifier));
    }
}
