namespace OutboxGen;

/// <summary>
/// Marks an EF Core entity whose every insert, update and delete writes an outbox row in the same transaction.
/// The model must be <c>partial</c> and declare the replication and deletion handlers; see docs/replication.md.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ReplicatedAttribute : Attribute
{
    /// <summary>Replicates the model through a category.</summary>
    /// <param name="category">A member of an enum whose members carry <see cref="OutboxCategoryAttribute"/>.</param>
    public ReplicatedAttribute(object category)
    {
        Category = category;
    }

    /// <summary>The category the model's rows are written under.</summary>
    public object Category { get; }

    /// <summary>
    /// The silo the model lives in. A cell model writes cell outbox rows; a control model writes one control
    /// outbox row per target cell.
    /// </summary>
    public OutboxSilo Silo { get; set; } = OutboxSilo.Cell;

    /// <summary>The version of the replication; bumping it asks for existing rows to be replicated again.</summary>
    public int ReplicationVersion { get; set; } = 1;
}
