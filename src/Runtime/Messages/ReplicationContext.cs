namespace OutboxGen;

/// <summary>Passed to a replicated model's replication handler with the model as it is now stored.</summary>
public sealed class ReplicationContext
{
    /// <summary>Creates the context; generated dispatch code does this.</summary>
    public ReplicationContext(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Message = message;
    }

    /// <summary>The delivered row.</summary>
    public OutboxMessage Message { get; }

    /// <summary>The target cell of a control outbox row; <see langword="null"/> for cell outbox rows.</summary>
    public string? CellName => Message.CellName;

    /// <summary>The shard identifier the row was written with.</summary>
    public long ShardIdentifier => Message.ShardIdentifier;

    /// <summary>The services the drainer was given.</summary>
    public IServiceProvider Services => Message.Services;
}
