namespace OutboxGen;

/// <summary>
/// Declares an enum member as an outbox scope: the way rows are sharded. Rows with the same scope and shard
/// identifier form a shard and are delivered strictly in id order.
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class OutboxScopeAttribute : Attribute
{
    /// <summary>
    /// The name of the model member that supplies the shard identifier, for example <c>OrganizationId</c>.
    /// A scope without a shard key can only be written explicitly, with the shard identifier passed in.
    /// </summary>
    public string? ShardKey { get; set; }

    /// <summary>The scope is kept so its number is never reused, but nothing may write to it.</summary>
    public bool Retired { get; set; }
}
