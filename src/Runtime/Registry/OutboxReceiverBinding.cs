namespace OutboxGen;

/// <summary>
/// One entry of a dispatch table: what runs when a row of <see cref="Category"/> is drained from
/// <see cref="Silo"/>'s outbox. Instances are created by generated code.
/// </summary>
public sealed class OutboxReceiverBinding
{
    private readonly Func<OutboxDelivery, CancellationToken, Task> _deliver;

    /// <summary>Creates a binding; called by generated code.</summary>
    /// <param name="silo">The outbox the rows are drained from.</param>
    /// <param name="category">The category number.</param>
    /// <param name="receiverName">The receiver's name, for logs and errors.</param>
    /// <param name="deliver">Delivers one row.</param>
    public OutboxReceiverBinding(
        OutboxSilo silo,
        int category,
        string receiverName,
        Func<OutboxDelivery, CancellationToken, Task> deliver)
    {
        ArgumentNullException.ThrowIfNull(receiverName);
        ArgumentNullException.ThrowIfNull(deliver);
        Silo = silo;
        Category = category;
        ReceiverName = receiverName;
        _deliver = deliver;
    }

    /// <summary>The outbox the rows are drained from.</summary>
    public OutboxSilo Silo { get; }

    /// <summary>The category number.</summary>
    public int Category { get; }

    /// <summary>The receiver's name: a model's type name or a receiver method's qualified name.</summary>
    public string ReceiverName { get; }

    internal Task DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken) =>
        _deliver(delivery, cancellationToken);
}
