namespace OutboxGen;

/// <summary>The kind of deployment an outbox row is written in.</summary>
public enum OutboxSilo
{
    /// <summary>A cell silo: holds customer data; its rows usually push changes toward control.</summary>
    Cell = 0,

    /// <summary>The control silo: holds global data; its rows name the cell they push changes toward.</summary>
    Control = 1,
}
