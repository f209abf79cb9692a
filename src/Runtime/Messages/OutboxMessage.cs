namespace OutboxGen;

/// <summary>One outbox row being delivered, with the names of its scope and category.</summary>
public sealed class OutboxMessage
{
    /// <summary>Creates a message; the drain does this for every delivered row.</summary>
    public OutboxMessage(
        OutboxSilo silo,
        long id,
        ScopeDescriptor scope,
        long shardIdentifier,
        CategoryDescriptor category,
        long objectIdentifier,
        string? cellName,
        string? payload,
        DateTime scheduledFrom,
        DateTime scheduledFor,
        DateTime dateAdded,
        IServiceProvider services)
    {
        Silo = silo;
        Id = id;
        Scope = scope;
        ShardIdentifier = shardIdentifier;
        Category = category;
        ObjectIdentifier = objectIdentifier;
        CellName = cellName;
        Payload = payload;
        ScheduledFrom = scheduledFrom;
        ScheduledFor = scheduledFor;
        DateAdded = dateAdded;
        Services = services;
    }

    /// <summary>The silo whose outbox the row was drained from.</summary>
    public OutboxSilo Silo { get; }

    /// <summary>The row's id; rows of a shard are delivered in id order.</summary>
    public long Id { get; }

    /// <summary>The row's scope.</summary>
    public ScopeDescriptor Scope { get; }

    /// <summary>The row's shard identifier within its scope.</summary>
    public long ShardIdentifier { get; }

    /// <summary>The row's category.</summary>
    public CategoryDescriptor Category { get; }

    /// <summary>The id of the changed object.</summary>
    public long ObjectIdentifier { get; }

    /// <summary>The target cell of a control outbox row; <see langword="null"/> for cell outbox rows.</summary>
    public string? CellName { get; }

    /// <summary>The row's payload as JSON, if it has one.</summary>
    public string? Payload { get; }

    /// <summary>When the shard's current backoff started (UTC).</summary>
    public DateTime ScheduledFrom { get; }

    /// <summary>When the shard may next be drained (UTC).</summary>
    public DateTime ScheduledFor { get; }

    /// <summary>When the row was written (UTC).</summary>
    public DateTime DateAdded { get; }

    /// <summary>The services the drainer was given, for receivers that reach another silo.</summary>
    public IServiceProvider Services { get; }
}
