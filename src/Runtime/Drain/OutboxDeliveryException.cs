namespace OutboxGen;

/// <summary>
/// A row could not be delivered: its receiver threw, its payload could not be read, or the registry has no
/// receiver for it. The row is kept and its shard stays in backoff.
/// </summary>
public sealed class OutboxDeliveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OutboxDeliveryException(
        OutboxSilo silo,
        long rowId,
        string categoryName,
        string scopeName,
        OutboxShard shard,
        Exception innerException)
        : base(
            $"{silo} outbox row {rowId} (category {categoryName}, scope {scopeName}, shard " +
            $"{shard.ShardIdentifier}{(shard.CellName is null ? "" : " of cell " + shard.CellName)}) " +
            $"was not delivered: {innerException.Message}",
            innerException)
    {
        Silo = silo;
        RowId = rowId;
        CategoryName = categoryName;
        ScopeName = scopeName;
        Shard = shard;
    }

    /// <summary>The silo whose outbox holds the row.</summary>
    public OutboxSilo Silo { get; }

    /// <summary>The row's id.</summary>
    public long RowId { get; }

    /// <summary>The name of the row's category, or its number when it is not declared.</summary>
    public string CategoryName { get; }

    /// <summary>The name of the row's scope, or its number when it is not declared.</summary>
    public string ScopeName { get; }

    /// <summary>The row's shard.</summary>
    public OutboxShard Shard { get; }
}
