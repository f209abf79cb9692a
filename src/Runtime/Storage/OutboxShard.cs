namespace OutboxGen;

/// <summary>
/// The address of a shard: all rows with one scope and shard identifier, and for control outbox rows one target
/// cell. A shard's rows are delivered strictly in id order.
/// </summary>
/// <param name="Scope">The scope number.</param>
/// <param name="ShardIdentifier">The shard identifier within the scope.</param>
/// <param name="CellName">The target cell of control outbox rows; null for cell outbox rows.</param>
public readonly record struct OutboxShard(int Scope, long ShardIdentifier, string? CellName = null);

/// <summary>How many rows wait in one shard.</summary>
/// <param name="Shard">The shard.</param>
/// <param name="ScopeName">The name of the shard's scope.</param>
/// <param name="Depth">The number of rows waiting, coalescable ones included.</param>
public readonly record struct OutboxShardDepth(OutboxShard Shard, string ScopeName, long Depth);
