namespace OutboxGen.Storage;

/// <summary>A row as read back from an outbox table.</summary>
internal sealed record StoredRow(
    long Id,
    int Scope,
    long ShardIdentifier,
    int Category,
    long ObjectIdentifier,
    string? CellName,
    string? Payload,
    DateTime ScheduledFrom,
    DateTime ScheduledFor,
    DateTime DateAdded)
{
    public OutboxShard Shard => new(Scope, ShardIdentifier, CellName);
}

/// <summary>A row about to be written.</summary>
internal sealed record NewRow(
    OutboxSilo Silo,
    int Scope,
    long ShardIdentifier,
    int Category,
    long ObjectIdentifier,
    string? CellName,
    string? Payload);

/// <summary>A shard this drainer has moved into backoff and may now deliver.</summary>
/// <param name="Shard">The claimed shard.</param>
/// <param name="HighWaterId">The highest row id at claim time; rows written later wait for the next round.</param>
/// <param name="ClaimedAt">When the claim was taken or last renewed; the rows' <c>scheduled_from</c>.</param>
/// <param name="BackoffUntil">When the shard becomes due again if this drain does not empty it.</param>
internal readonly record struct ClaimedShard(
    OutboxShard Shard,
    long HighWaterId,
    DateTime ClaimedAt,
    DateTime BackoffUntil)
{
    public TimeSpan Backoff => BackoffUntil - ClaimedAt;
}
