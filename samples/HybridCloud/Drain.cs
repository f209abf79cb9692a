namespace HybridCloud;

/// <summary>Drains the cell outbox the way a worker would: round after round until it is empty.</summary>
public static class Drain
{
    private const int MaxRounds = 20;

    public static async Task<Summary> UntilEmptyAsync(OutboxDrainer drainer, CancellationToken cancellationToken)
    {
        var delivered = 0;
        var coalesced = 0;
        var failures = new List<OutboxDeliveryException>();
        for (var round = 0; round < MaxRounds; round++)
        {
            var result = await drainer.DrainAsync(cancellationToken);
            delivered += result.Delivered;
            coalesced += result.Coalesced;
            failures.AddRange(result.Failures);
            foreach (var failure in result.Failures)
            {
                Console.Error.WriteLine(failure.Message);
            }

            if (result.ShardsDrained == 0 || result.Failures.Count > 0)
            {
                break;
            }
        }

        var left = (await drainer.GetShardDepthsAsync(cancellationToken)).Sum(d => d.Depth);
        return new Summary(delivered, coalesced, failures, left);
    }

    public sealed record Summary(
        int Delivered,
        int Coalesced,
        IReadOnlyList<OutboxDeliveryException> Failures,
        long RowsLeft);
}
