namespace OutboxGen;

/// <summary>
/// Passed to a replicated model's deletion handler when the row's object no longer exists in its silo.
/// </summary>
public class DeletionContext
{
    /// <summary>Creates the context; generated dispatch code does this.</summary>
    public DeletionContext(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Message = message;
    }

    /// <summary>The delivered row.</summary>
    public OutboxMessage Message { get; }

    /// <summary>The id of the deleted object.</summary>
    public long ObjectIdentifier => Message.ObjectIdentifier;

    /// <summary>The shard identifier the row was written with.</summary>
    public long ShardIdentifier => Message.ShardIdentifier;

    /// <summary>The target cell of a control outbox row; <see langword="null"/> for cell outbox rows.</summary>
    public string? CellName => Message.CellName;

    /// <summary>The services the drainer was given.</summary>
    public IServiceProvider Services => Message.Services;
}

/// <summary>A deletion context that also carries the payload captured before the delete.</summary>
/// <typeparam name="TPayload">The type the model's <c>PayloadForUpdate</c> returns.</typeparam>
public sealed class DeletionContext<TPayload> : DeletionContext
{
    /// <summary>Creates the context; generated dispatch code does this.</summary>
    public DeletionContext(OutboxMessage message, TPayload? payload)
        : base(message)
    {
        Payload = payload;
    }

    /// <summary>The payload written with the row, or default when the row has none.</summary>
    public TPayload? Payload { get; }
}
