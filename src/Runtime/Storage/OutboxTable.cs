namespace OutboxGen.Storage;

/// <summary>The physical outbox table of a silo.</summary>
internal sealed record OutboxTable(OutboxSilo Silo, string Name)
{
    public static readonly OutboxTable Cell = new(OutboxSilo.Cell, "cell_outbox");

    public static readonly OutboxTable Control = new(OutboxSilo.Control, "control_outbox");

    public bool HasCellName => Silo == OutboxSilo.Control;

    public static OutboxTable For(OutboxSilo silo) => silo == OutboxSilo.Control ? Control : Cell;
}
