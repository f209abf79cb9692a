namespace OutboxGen;

/// <summary>How an <see cref="OutboxDrainer"/> drains one silo's outbox.</summary>
public sealed class OutboxDrainOptions
{
    /// <summary>The silo whose outbox table is drained.</summary>
    public OutboxSilo Silo { get; set; } = OutboxSilo.Cell;

    /// <summary>
    /// Kill switches: shards that are skipped, their rows kept. A shard here with a null cell name matches that
    /// scope and shard identifier for every cell.
    /// </summary>
    public ISet<OutboxShard> SkippedShards { get; set; } = new HashSet<OutboxShard>();

    /// <summary>The most rows one delete removes when a coalesced group is cleared.</summary>
    public int DeleteBatchSize { get; set; } = 100;

    /// <summary>The most shards one round looks at.</summary>
    public int MaxShardsPerRound { get; set; } = 1000;

    /// <summary>Checks the options once, before the first drain.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Silo))
        {
            throw new ArgumentException($"Silo {(int)Silo} is not a silo.", nameof(Silo));
        }

        if (SkippedShards is null)
        {
            throw new ArgumentException("SkippedShards cannot be null; use an empty set.", nameof(SkippedShards));
        }

        if (DeleteBatchSize < 1)
        {
            throw new ArgumentException(
                $"DeleteBatchSize must be at least 1, not {DeleteBatchSize}.",
                nameof(DeleteBatchSize));
        }

        if (MaxShardsPerRound < 1)
        {
            throw new ArgumentException(
                $"MaxShardsPerRound must be at least 1, not {MaxShardsPerRound}.",
                nameof(MaxShardsPerRound));
        }
    }

    internal bool IsSkipped(OutboxShard shard) =>
        SkippedShards.Count > 0
        && (SkippedShards.Contains(shard) || SkippedShards.Contains(shard with { CellName = null }));
}
