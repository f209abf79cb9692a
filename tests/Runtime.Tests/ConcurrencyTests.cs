using OutboxGen.Tests.Infrastructure;
using OutboxGen.Tests.Model;

namespace OutboxGen.Tests;

public sealed class ConcurrencyTests
{
    private const int Rounds = 20;
    private const int Shards = 40;
    private const int RowsPerShard = 8;

    [Fact]
    public async Task Two_drainers_on_one_database_deliver_every_row_exactly_once()
    {
        await using var db = await TestDatabase.CreateAsync();
        var first = db.CreateDrainer();
        var second = db.CreateDrainer();
        var deliveredByFirst = 0;
        var deliveredBySecond = 0;

        for (var round = 0; round < Rounds; round++)
        {
            await WriteRowsAsync(db, round);
            var written = (await db.CellRowsAsync()).Select(r => r.Id).ToHashSet();
            var deliveredBefore = db.Sink.Received.Count;

            // Both drainers start together on threads of their own; SQLite's provider runs its "async" calls
            // synchronously, so without the threads one drain would simply finish before the other began. The
            // clock stands still, so a claim's backoff never runs out while its drainer is still delivering.
            using var start = new Barrier(2);
            var results = await Task.WhenAll(
                Task.Run(() => { start.SignalAndWait(); return first.DrainAsync(); }),
                Task.Run(() => { start.SignalAndWait(); return second.DrainAsync(); }));

            var delivered = db.Sink.Received.Skip(deliveredBefore).Select(r => r.RowId).ToArray();
            Assert.Empty(results.SelectMany(r => r.Failures));
            Assert.Equal(written.Count, delivered.Length);
            Assert.Equal(written.Order(), delivered.Order());
            Assert.Empty(await db.CellRowsAsync());
            deliveredByFirst += results[0].Delivered;
            deliveredBySecond += results[1].Delivered;
        }

        // Both took part: the rounds really raced instead of one drainer doing all the work.
        Assert.InRange(deliveredByFirst, 1, Rounds * Shards * RowsPerShard - 1);
        Assert.InRange(deliveredBySecond, 1, Rounds * Shards * RowsPerShard - 1);
    }

    /// <summary>
    /// A receiver slower than the shard's one-second claim: the drainer keeps renewing the claim while it delivers,
    /// so a second drainer arriving after the first second finds nothing due in that shard. Real clock, as in
    /// production; the test takes about three seconds.
    /// </summary>
    [Fact]
    public async Task A_drainer_that_outlasts_its_claim_keeps_the_shard_from_a_second_drainer()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.AddAuditEventsAsync(organizationId: 1, 10, 11, 12);
        var first = new OutboxDrainer(db.CreateContext, services: db.Sink.Services, timeProvider: TimeProvider.System);
        var second = new OutboxDrainer(db.CreateContext, services: db.Sink.Services, timeProvider: TimeProvider.System);
        using var delivering = new SemaphoreSlim(0);
        var slow = 1;
        db.Sink.BeforeReceive = async (message, token) =>
        {
            if (Interlocked.Exchange(ref slow, 0) == 1)
            {
                delivering.Release();
                await Task.Delay(TimeSpan.FromSeconds(2.5), token);
            }
        };

        var firstDrain = Task.Run(() => first.DrainAsync());
        await delivering.WaitAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var secondResult = await Task.Run(() => second.DrainAsync());
        var firstResult = await firstDrain;

        Assert.Equal(0, secondResult.Delivered);
        Assert.Equal(3, firstResult.Delivered);
        Assert.Equal(3, db.Sink.Attempts.Count);
        Assert.Equal(db.Sink.Attempts.Order(), db.Sink.Attempts);
        Assert.Empty(await db.CellRowsAsync());
    }

    private static async Task WriteRowsAsync(TestDatabase db, int round)
    {
        await using var context = db.CreateContext();
        for (var row = 0; row < RowsPerShard; row++)
        {
            for (var shard = 0; shard < Shards; shard++)
            {
                var objectIdentifier = (round * 1000) + row;
                context.AddOutboxMessage(
                    TestScope.AuditLog,
                    shard,
                    TestCategory.AuditLogEvent,
                    objectIdentifier,
                    new AuditEntry(objectIdentifier, "login"));
            }
        }

        await context.SaveChangesAsync();
    }
}
