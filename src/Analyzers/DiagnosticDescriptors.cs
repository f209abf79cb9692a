using Microsoft.CodeAnalysis;

namespace OutboxGen.Analyzers;

/// <summary>
/// Every diagnostic OutboxGen reports, grouped by area. An id is never reused, not even after its rule is removed.
/// </summary>
/// <remarks>
/// OBX001–OBX099: scopes and categories. OBX100–OBX199: replicated models and receivers. OBX200–OBX299: payloads.
/// OBX300–OBX399: EF Core and draining.
/// </remarks>
public static class DiagnosticDescriptors
{
    /// <summary>The diagnostic category of scope and category declarations.</summary>
    public const string RegistryCategory = "OutboxGen.Registry";

    /// <summary>The diagnostic category of replicated models and receivers.</summary>
    public const string ReplicationCategory = "OutboxGen.Replication";

    /// <summary>The diagnostic category of EF Core use and draining.</summary>
    public const string EntityFrameworkCategory = "OutboxGen.EntityFramework";

    /// <summary>The diagnostic category of payload types.</summary>
    public const string PayloadCategory = "OutboxGen.Payloads";

    private const string HelpLinkBase = "https://github.com/outboxgen/outboxgen/blob/main/docs/diagnostics/";

    // Scopes and categories.

    /// <summary>OBX001: a member of a category enum is not registered under a scope.</summary>
    public static readonly DiagnosticDescriptor CategoryWithoutScope = Error(
        "OBX001",
        RegistryCategory,
        "Category enum member has no scope",
        "'{0}' has no [OutboxCategory] attribute although other members of '{1}' have one; register it under a "
        + "scope");

    /// <summary>OBX002: the scope argument of a category is not a member of a scope enum.</summary>
    public static readonly DiagnosticDescriptor CategoryScopeNotAScope = Error(
        "OBX002",
        RegistryCategory,
        "Category scope is not a scope enum member",
        "The scope of category '{0}' is not a member of an enum with [OutboxScope] members; pass a declared scope");

    /// <summary>OBX003: a category names a value of a scope enum that no [OutboxScope] member declares.</summary>
    public static readonly DiagnosticDescriptor CategoryScopeUndeclared = Error(
        "OBX003",
        RegistryCategory,
        "Category names an undeclared scope",
        "Category '{0}' names value {1} of '{2}', which is not a declared scope; pass a member marked [OutboxScope]");

    /// <summary>OBX004: the categories of one enum belong to scopes of more than one scope enum.</summary>
    public static readonly DiagnosticDescriptor CategoryEnumMixesScopeEnums = Error(
        "OBX004",
        RegistryCategory,
        "Category enum mixes scope enums",
        "Category '{0}' belongs to a scope of '{1}' while '{2}' belongs to a scope of '{3}'; keep the scopes of one "
        + "category enum in one scope enum");

    /// <summary>OBX005: two categories have the same number.</summary>
    public static readonly DiagnosticDescriptor DuplicateCategoryNumber = Error(
        "OBX005",
        RegistryCategory,
        "Two categories have the same number",
        "Category '{0}' has number {1}, which category '{2}' already has; give every category its own number");

    /// <summary>OBX006: two scopes have the same number.</summary>
    public static readonly DiagnosticDescriptor DuplicateScopeNumber = Error(
        "OBX006",
        RegistryCategory,
        "Two scopes have the same number",
        "Scope '{0}' has number {1}, which scope '{2}' already has; give every scope its own number");

    /// <summary>OBX007: a scope or category number does not fit the int the outbox stores.</summary>
    public static readonly DiagnosticDescriptor NumberOutsideIntRange = Error(
        "OBX007",
        RegistryCategory,
        "Scope or category number is outside the int range",
        "{0} '{1}' has number {2}, which does not fit the int the outbox stores; choose a number in the int range");

    /// <summary>OBX008: a model, receiver or writer names a value that is not a declared category.</summary>
    public static readonly DiagnosticDescriptor NotACategory = Error(
        "OBX008",
        RegistryCategory,
        "Argument is not a declared category",
        "{0} is not a declared category; pass a member marked [OutboxCategory]");

    /// <summary>OBX009: a replicated model or an explicit message writes to a retired category or scope.</summary>
    public static readonly DiagnosticDescriptor RetiredWrite = Error(
        "OBX009",
        RegistryCategory,
        "Retired category or scope is written",
        "{0} writes to retired {1} '{2}'; nothing may write to a retired {1}, so use a current one");

    /// <summary>OBX010: a receiver is bound to a retired category or a category of a retired scope.</summary>
    public static readonly DiagnosticDescriptor RetiredReceiver = Warning(
        "OBX010",
        RegistryCategory,
        "Receiver of a retired category or scope",
        "Receiver '{0}' receives retired {1} '{2}'; remove it once the rows written before the retirement have "
        + "drained");

    /// <summary>OBX011: an explicit message passes a category that does not belong to the scope it passes.</summary>
    public static readonly DiagnosticDescriptor WriterCategoryNotInScope = Error(
        "OBX011",
        RegistryCategory,
        "Category does not belong to the scope",
        "Category '{0}' belongs to scope '{1}', not to '{2}'; pass the category's own scope");

    // Replicated models and receivers.

    /// <summary>OBX101: a replicated model, or a type containing one, is not partial.</summary>
    public static readonly DiagnosticDescriptor NotPartial = Error(
        "OBX101",
        ReplicationCategory,
        "Replicated model or its containing type is not partial",
        "'{0}' must be partial: the generator adds members to replicated model '{1}'");

    /// <summary>OBX102: a replicated model is generic, abstract or static.</summary>
    public static readonly DiagnosticDescriptor UnsupportedModelShape = Error(
        "OBX102",
        ReplicationCategory,
        "Replicated model cannot be generated",
        "Replicated model '{0}' is {1}; the generator handles only non-generic, non-abstract classes that "
        + "the rest of the assembly can reach");

    /// <summary>
    /// OBX103: a replicated model lacks a handler the generated dispatch calls. The last argument is empty, or says
    /// that a handler a base type declares does not count.
    /// </summary>
    public static readonly DiagnosticDescriptor MissingHandler = Error(
        "OBX103",
        ReplicationCategory,
        "Replicated model has no handler",
        "Replicated model '{0}' has no {1}; add '{2}'{3}");

    /// <summary>
    /// OBX104: a replicated model declares a handler whose signature the generated code cannot call. The last
    /// argument is empty, or says that a handler or <c>PayloadForUpdate</c> a base type declares does not count.
    /// </summary>
    public static readonly DiagnosticDescriptor HandlerSignature = Error(
        "OBX104",
        ReplicationCategory,
        "Handler signature does not match",
        "'{0}' of replicated model '{1}' does not match '{2}'; change it to that signature{3}");

    /// <summary>OBX105: a replicated model has no member named by its scope's shard key.</summary>
    public static readonly DiagnosticDescriptor MissingShardKey = Error(
        "OBX105",
        ReplicationCategory,
        "Replicated model has no shard-key member",
        "Replicated model '{0}' has no public instance property or field '{1}', the shard key of scope '{2}'; add "
        + "it or replicate the model under another category");

    /// <summary>OBX106: the shard-key member's type cannot hold a shard identifier.</summary>
    public static readonly DiagnosticDescriptor ShardKeyType = Error(
        "OBX106",
        ReplicationCategory,
        "Shard-key member cannot be a shard identifier",
        "Shard key '{0}' of replicated model '{1}' has type '{2}'; use sbyte, byte, short, ushort, int, uint or long");

    /// <summary>OBX107: the object identifier of a replicated model cannot be found.</summary>
    public static readonly DiagnosticDescriptor MissingKey = Error(
        "OBX107",
        ReplicationCategory,
        "Replicated model has no key member",
        "Replicated model '{0}' has no single key member; mark one public property [Key], or name one 'Id' or '{1}'");

    /// <summary>OBX108: the key member's type cannot hold an object identifier.</summary>
    public static readonly DiagnosticDescriptor KeyType = Error(
        "OBX108",
        ReplicationCategory,
        "Key member cannot be an object identifier",
        "Key '{0}' of replicated model '{1}' has type '{2}'; use sbyte, byte, short, ushort, int, uint or long");

    /// <summary>OBX109: a replicated model's category belongs to a scope without a shard key.</summary>
    public static readonly DiagnosticDescriptor ScopeWithoutShardKey = Error(
        "OBX109",
        ReplicationCategory,
        "Scope of a replicated model has no shard key",
        "Scope '{0}' of replicated model '{1}' has no ShardKey; name the shard-key member in its [OutboxScope]");

    /// <summary>
    /// OBX110: nothing in this project receives a category's rows. A warning, not an error: a shared catalogue of
    /// categories is often received in another project, and the generated code is complete either way.
    /// </summary>
    public static readonly DiagnosticDescriptor MissingReceiver = Warning(
        "OBX110",
        ReplicationCategory,
        "Category has no receiver",
        "Category '{0}' has no receiver; replicate a model with it, mark a method [OutboxReceiver] with it, or "
        + "retire it");

    /// <summary>OBX111: two receivers claim the same category in the same silo.</summary>
    public static readonly DiagnosticDescriptor AmbiguousReceiver = Error(
        "OBX111",
        ReplicationCategory,
        "Category has two receivers",
        "'{0}' receives category '{1}' in the {2} outbox, and so does '{3}'; keep one receiver per category and silo");

    /// <summary>OBX112: a receiver method's signature cannot be called by the generated dispatch.</summary>
    public static readonly DiagnosticDescriptor ReceiverSignature = Error(
        "OBX112",
        ReplicationCategory,
        "Receiver signature does not match",
        "Receiver '{0}' {1}; declare it 'public static Task {0}(TPayload payload, OutboxMessage message, "
        + "CancellationToken cancellationToken)'");

    /// <summary>OBX113: a receiver method is generic or declared in a generic type.</summary>
    public static readonly DiagnosticDescriptor ReceiverGeneric = Error(
        "OBX113",
        ReplicationCategory,
        "Receiver is generic",
        "Receiver '{0}' is generic or declared in a generic type; move it to a non-generic class");

    /// <summary>OBX114: a model or receiver names a silo that is neither Cell nor Control.</summary>
    public static readonly DiagnosticDescriptor UnknownSilo = Error(
        "OBX114",
        ReplicationCategory,
        "Silo is neither Cell nor Control",
        "'{0}' names silo {1}, which is neither OutboxSilo.Cell nor OutboxSilo.Control; use one of them");

    // Payloads.

    /// <summary>
    /// OBX201: a payload type, or a member of one, has a type the generated serializer cannot read. The last
    /// argument says what to do where the diagnostic is reported: on a member, a receiver's parameter or a model's
    /// <c>PayloadForUpdate</c>.
    /// </summary>
    public static readonly DiagnosticDescriptor UnsupportedPayloadType = Error(
        "OBX201",
        PayloadCategory,
        "Payload type cannot be serialized",
        "'{0}' has type '{1}', which {2}; {3}");

    /// <summary>OBX202: a payload object type has no constructor the generated reader can call.</summary>
    public static readonly DiagnosticDescriptor PayloadConstructor = Error(
        "OBX202",
        PayloadCategory,
        "Payload type has no usable constructor",
        "Payload type '{0}' {1}; give it a public parameterless constructor, a single public constructor whose "
        + "parameters match its properties, or mark one [JsonConstructor]");

    /// <summary>OBX203: two members of a payload type have the same JSON name, ignoring case.</summary>
    public static readonly DiagnosticDescriptor DuplicatePayloadName = Error(
        "OBX203",
        PayloadCategory,
        "Two payload members have the same JSON name",
        "'{0}' of payload type '{1}' {2}; give one of them another name with [JsonPropertyName]");

    /// <summary>OBX204: a payload uses a System.Text.Json attribute the generated serializer does not honour.</summary>
    public static readonly DiagnosticDescriptor PayloadAttributeNotHonoured = Warning(
        "OBX204",
        PayloadCategory,
        "Payload is serialized by reflection",
        "'{0}' {1}, which generated serializers do not honour, so payload '{2}' is serialized by reflection; remove "
        + "the attribute to get generated, trimming-safe code");

    /// <summary>
    /// OBX205: an explicit message's payload is not the type its category's receiver takes, or is missing while the
    /// receiver requires one: the row could never be delivered.
    /// </summary>
    public static readonly DiagnosticDescriptor PayloadMismatch = Error(
        "OBX205",
        PayloadCategory,
        "Payload does not match its receiver",
        "'{0}' receives category '{1}' as '{2}', but this message {3}; pass a payload of type '{2}'");

    // EF Core and draining.

    /// <summary>OBX301: a bulk update or delete on a replicated model's set writes no outbox rows.</summary>
    public static readonly DiagnosticDescriptor BulkOperation = Warning(
        "OBX301",
        EntityFrameworkCategory,
        "Bulk operation bypasses the outbox",
        "'{0}' on replicated model '{1}' writes no outbox rows; load the entities, change them and save the context");

    /// <summary>OBX302: raw SQL writes a replicated model's table without writing outbox rows.</summary>
    public static readonly DiagnosticDescriptor RawSqlWrite = Warning(
        "OBX302",
        EntityFrameworkCategory,
        "Raw SQL write bypasses the outbox",
        "'{0}' writes table '{1}' of replicated model '{2}' and writes no outbox rows; change the entities and save "
        + "the context");

    /// <summary>OBX303: a drain is called while a transaction begun in the same method is still open.</summary>
    public static readonly DiagnosticDescriptor DrainInTransaction = Warning(
        "OBX303",
        EntityFrameworkCategory,
        "Drain inside an open transaction",
        "'{0}' is called while the transaction begun on line {1} is still open; commit or dispose it before draining");

    private static DiagnosticDescriptor Error(string id, string category, string title, string message) =>
        Create(id, category, title, message, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Warning(string id, string category, string title, string message) =>
        Create(id, category, title, message, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(
        string id,
        string category,
        string title,
        string message,
        DiagnosticSeverity severity) =>
        new(
            id,
            title,
            message,
            category,
            severity,
            isEnabledByDefault: true,
            description: null,
            helpLinkUri: HelpLinkBase + id + ".md");
}
