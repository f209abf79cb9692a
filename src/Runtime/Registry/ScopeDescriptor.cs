namespace OutboxGen;

/// <summary>A scope as declared in the user's scope enum.</summary>
/// <param name="Value">The scope's number, stored in <c>shard_scope</c>.</param>
/// <param name="Name">The enum member's name.</param>
/// <param name="ShardKey">The model member that supplies the shard identifier, if the scope names one.</param>
/// <param name="Retired">Whether the scope is kept only so its number is never reused.</param>
public sealed record ScopeDescriptor(int Value, string Name, string? ShardKey, bool Retired);
