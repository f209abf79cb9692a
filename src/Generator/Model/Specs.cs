namespace OutboxGen.Generator.Model;

/// <summary>An enum member marked <c>[OutboxScope]</c>.</summary>
internal sealed record ScopeSpec(string EnumType, string Member, long Value, string? ShardKey, bool Retired);

/// <summary>
/// An enum member marked <c>[OutboxCategory]</c>; the scope is null when the argument is no enum member.
/// </summary>
internal sealed record CategorySpec(
    string EnumType,
    string Member,
    long Value,
    string? ScopeEnumType,
    long ScopeValue,
    bool Retired);

/// <summary>A reference from an attribute to an enum member, by the enum's type and the member's value.</summary>
internal readonly record struct EnumReference(string EnumType, long Value);

/// <summary>One type of the chain a generated partial declaration is nested in, outermost first.</summary>
internal sealed record ContainingType(string Keyword, string Name);

/// <summary>A public instance member of a replicated model that can hold an identifier.</summary>
internal sealed record MemberSpec(string Name, string Type, bool IsInteger, bool IsKey);

/// <summary>
/// A class marked <c>[Replicated]</c>, with everything the generator checks before it emits. The shape is
/// unsupported when the class is generic, nested in a generic type, abstract or static, or declared where the
/// generated registry cannot name it.
/// </summary>
internal sealed record ReplicatedSpec(
    string? Namespace,
    EquatableArray<ContainingType> ContainingTypes,
    string Name,
    string FullyQualifiedName,
    bool IsPartial,
    bool IsUnsupportedShape,
    EnumReference? Category,
    int Silo,
    int ReplicationVersion,
    EquatableArray<MemberSpec> Members,
    string? PayloadType,
    string? DeletionPayloadType,
    bool HasReplicationHandler,
    bool HasDeletionHandler,
    bool HasTargetCells);

/// <summary>
/// A method marked <c>[OutboxReceiver]</c>; <see cref="IsValid"/> says whether its shape can be called.
/// </summary>
internal sealed record ReceiverSpec(
    string ContainingType,
    string Method,
    EnumReference? Category,
    int Silo,
    string PayloadType,
    bool PayloadNullable,
    bool IsValid);

/// <summary>The scope and category enums of the compilation.</summary>
internal sealed record Declarations(EquatableArray<ScopeSpec> Scopes, EquatableArray<CategorySpec> Categories);

/// <summary>A replicated model that passed every check, with the members the generated code reads.</summary>
internal sealed record ResolvedModel(
    string? Namespace,
    EquatableArray<ContainingType> ContainingTypes,
    string Name,
    string FullyQualifiedName,
    int Silo,
    int Scope,
    int Category,
    int ReplicationVersion,
    string ShardKeyMember,
    string KeyMember,
    string KeyType,
    string? PayloadType,
    string? DeletionPayloadType,
    bool HasTargetCells);

/// <summary>Everything the registry file is written from.</summary>
internal sealed record RegistrySpec(
    EquatableArray<ScopeEntry> Scopes,
    EquatableArray<CategoryEntry> Categories,
    EquatableArray<ResolvedModel> Models,
    EquatableArray<ReceiverSpec> Receivers);

internal sealed record ScopeEntry(int Value, string Name, string? ShardKey, bool Retired);

internal sealed record CategoryEntry(int Value, string Name, int Scope, bool Retired);
