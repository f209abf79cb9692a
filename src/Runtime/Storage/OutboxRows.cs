namespace OutboxGen;

/// <summary>A row of the cell outbox table, <c>cell_outbox</c>.</summary>
public class CellOutboxRow
{
    /// <summary>The row's id; a shard's rows are delivered in id order.</summary>
    public long Id { get; set; }

    /// <summary>The scope number (<c>shard_scope</c>).</summary>
    public int ShardScope { get; set; }

    /// <summary>The shard identifier within the scope (<c>shard_identifier</c>).</summary>
    public long ShardIdentifier { get; set; }

    /// <summary>The category number (<c>category</c>).</summary>
    public int Category { get; set; }

    /// <summary>The id of the changed object (<c>object_identifier</c>).</summary>
    public long ObjectIdentifier { get; set; }

    /// <summary>The payload as JSON (<c>payload</c>).</summary>
    public string? Payload { get; set; }

    /// <summary>When the shard's current backoff started, UTC (<c>scheduled_from</c>).</summary>
    public DateTime ScheduledFrom { get; set; }

    /// <summary>When the shard may next be drained, UTC (<c>scheduled_for</c>).</summary>
    public DateTime ScheduledFor { get; set; }

    /// <summary>When the row was written, UTC (<c>date_added</c>).</summary>
    public DateTime DateAdded { get; set; }
}

/// <summary>A row of the control outbox table, <c>control_outbox</c>: a cell outbox row plus its target cell.</summary>
public sealed class ControlOutboxRow : CellOutboxRow
{
    /// <summary>The cell the row pushes its change toward (<c>cell_name</c>).</summary>
    public string CellName { get; set; } = "";
}
