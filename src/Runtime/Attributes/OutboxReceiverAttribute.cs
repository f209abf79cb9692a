namespace OutboxGen;

/// <summary>
/// Marks a static method as the receiver of a category's rows. The method's signature is
/// <c>static Task Name(TPayload payload, OutboxMessage message, CancellationToken cancellationToken)</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class OutboxReceiverAttribute : Attribute
{
    /// <summary>Receives the rows of a category.</summary>
    /// <param name="category">A member of an enum whose members carry <see cref="OutboxCategoryAttribute"/>.</param>
    public OutboxReceiverAttribute(object category)
    {
        Category = category;
    }

    /// <summary>The category whose rows the method receives.</summary>
    public object Category { get; }

    /// <summary>The silo whose outbox the rows are drained from.</summary>
    public OutboxSilo Silo { get; set; } = OutboxSilo.Cell;
}
