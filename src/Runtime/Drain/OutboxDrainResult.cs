namespace OutboxGen;

/// <summary>What one drain round did.</summary>
public sealed class OutboxDrainResult
{
    /// <summary>Rows delivered to a receiver.</summary>
    public int Delivered { get; internal set; }

    /// <summary>Rows deleted unprocessed because a later row of their group was delivered.</summary>
    public int Coalesced { get; internal set; }

    /// <summary>Shards claimed and worked on.</summary>
    public int ShardsDrained { get; internal set; }

    /// <summary>Shards passed over because a kill switch names them.</summary>
    public int ShardsSkipped { get; internal set; }

    /// <summary>Rows that could not be delivered; each one's shard stays in backoff.</summary>
    public IReadOnlyList<OutboxDeliveryException> Failures => FailureList;

    internal List<OutboxDeliveryException> FailureList { get; } = [];

    internal void Add(OutboxDrainResult other)
    {
        Delivered += other.Delivered;
        Coalesced += other.Coalesced;
        ShardsDrained += other.ShardsDrained;
        ShardsSkipped += other.ShardsSkipped;
        FailureList.AddRange(other.FailureList);
    }
}
