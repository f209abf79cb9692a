namespace OutboxGen.Testing;

/// <summary>Drains an outbox completely inside a test, the way a test expects side effects to have happened.</summary>
public static class OutboxTestDrain
{
    /// <summary>The most rounds <see cref="DrainUntilEmptyAsync"/> runs before giving up.</summary>
    public const int MaxRounds = 10;

    /// <summary>
    /// Drains every shard, ignoring backoff, round after round until no rows are left outside kill-switched
    /// shards. A receiver error is thrown at once as an <see cref="OutboxDeliveryException"/> naming the row.
    /// </summary>
    /// <returns>What all rounds did together.</returns>
    /// <exception cref="OutboxDeliveryException">A row could not be delivered.</exception>
    /// <exception cref="OutboxRecursionLimitException">
    /// Rows were still left after <see cref="MaxRounds"/> rounds.
    /// </exception>
    public static async Task<OutboxDrainResult> DrainUntilEmptyAsync(
        this OutboxDrainer drainer,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(drainer);
        var total = new OutboxDrainResult();
        for (var round = 0; round < MaxRounds; round++)
        {
            var result = await drainer.DrainRoundAsync(ignoreSchedule: true, stopOnFailure: true, cancellationToken)
                .ConfigureAwait(false);
            total.Add(result);
            if (await RemainingAsync(drainer, cancellationToken).ConfigureAwait(false) == 0)
            {
                return total;
            }
        }

        throw new OutboxRecursionLimitException(
            MaxRounds,
            await RemainingAsync(drainer, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<long> RemainingAsync(OutboxDrainer drainer, CancellationToken cancellationToken)
    {
        var depths = await drainer.GetShardDepthsAsync(cancellationToken).ConfigureAwait(false);
        return depths.Where(d => !drainer.Options.IsSkipped(d.Shard)).Sum(d => d.Depth);
    }
}

/// <summary>
/// The outbox was still not empty after <see cref="OutboxTestDrain.MaxRounds"/> drain rounds: most likely a receiver
/// writes a new outbox row for every row it receives.
/// </summary>
public sealed class OutboxRecursionLimitException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OutboxRecursionLimitException(int rounds, long remainingRows)
        : base(
            $"The outbox still holds {remainingRows} rows after {rounds} drain rounds; a receiver probably writes a " +
            "new outbox row for every row it receives.")
    {
        Rounds = rounds;
        RemainingRows = remainingRows;
    }

    /// <summary>The rounds drained.</summary>
    public int Rounds { get; }

    /// <summary>The rows left after the last round.</summary>
    public long RemainingRows { get; }
}
