using OutboxGen.Generator.Model;

namespace OutboxGen.Generator.Payloads;

/// <summary>
/// A payload value's type as generated code names, reads and writes it.
/// </summary>
/// <param name="Kind">How the value is read and written.</param>
/// <param name="TypeName">The fully qualified type without a trailing nullable-reference <c>?</c>.</param>
/// <param name="IsValueType">Whether the type is a value type.</param>
/// <param name="AcceptsNull">Whether JSON <c>null</c> may be read into it.</param>
/// <param name="Element">The element, dictionary value or underlying type of a nullable.</param>
/// <param name="Serializer">The generated serializer class of an object type.</param>
/// <param name="Underlying">The C# keyword of an enum's underlying type.</param>
/// <param name="ConcreteType">The type a list or dictionary is read into.</param>
/// <param name="Indexable">Whether a list has <c>Count</c> and an indexer, so writing it allocates nothing.</param>
internal sealed record PayloadTypeRef(
    PayloadKind Kind,
    string TypeName,
    bool IsValueType,
    bool AcceptsNull,
    PayloadTypeRef? Element,
    string? Serializer,
    string? Underlying,
    string? ConcreteType,
    bool Indexable)
{
    /// <summary>The type as a declaration names it, with <c>?</c> for a nullable reference.</summary>
    public string Declared => AcceptsNull && !IsValueType ? TypeName + "?" : TypeName;
}

/// <summary>A property of a payload object.</summary>
/// <param name="Name">The C# name, escaped with <c>@</c> when it is a keyword.</param>
/// <param name="JsonName">The JSON property name.</param>
/// <param name="Type">The property's type.</param>
/// <param name="Written">Whether the writer writes it.</param>
/// <param name="Parameter">The constructor parameter position, or -1.</param>
/// <param name="DefaultValue">The constructor parameter's default value as C# text, when it has one.</param>
/// <param name="Required">Whether a JSON object without it is an error.</param>
/// <param name="Assignment">How the reader assigns it when it is not a constructor argument.</param>
/// <param name="WriteCondition">When the writer leaves it out.</param>
/// <param name="DeclaringType">The type that declares the property, for an <c>init</c> accessor call.</param>
/// <param name="Forgiving">
/// Whether values passed between the member and the generated code take the null-forgiving operator, because the
/// compiler may see the member's type with other nullable annotations than the generated code spells it.
/// </param>
internal sealed record PayloadMemberSpec(
    string Name,
    string JsonName,
    PayloadTypeRef Type,
    bool Written,
    int Parameter,
    string? DefaultValue,
    bool Required,
    PayloadAssignment Assignment,
    PayloadWriteCondition WriteCondition,
    string DeclaringType,
    bool Forgiving);

/// <summary>A class, record or struct the generator writes a serializer for.</summary>
internal sealed record PayloadObjectSpec(
    string TypeName,
    string Serializer,
    bool IsValueType,
    EquatableArray<PayloadMemberSpec> Members);

/// <summary>
/// A payload type a model returns from <c>PayloadForUpdate</c> or a receiver takes, as the model and receiver
/// specs name it, with every object it reaches. <see cref="Type"/> is null when the payload cannot be generated.
/// </summary>
internal sealed record PayloadRootSpec(
    string DeclaredType,
    PayloadTypeRef? Type,
    string? Serializer,
    EquatableArray<PayloadObjectSpec> Objects);

/// <summary>A payload type, as a model or receiver spec names it, and the serializer generated for it.</summary>
/// <param name="DeclaredType">The payload type as the model or receiver spec names it.</param>
/// <param name="Serializer">The generated serializer class.</param>
/// <param name="Conversion">
/// The type a value read by the serializer is converted to, when the serializer spells the payload type with other
/// nullable annotations than <paramref name="DeclaredType"/> (a type argument declared where annotations are off
/// gets a <c>?</c>); null when both spell it alike. With <c>?</c> for a reference type, as reads may yield null.
/// </param>
internal sealed record PayloadBinding(string DeclaredType, string Serializer, string? Conversion);

/// <summary>Everything the payload outputs are written from.</summary>
internal sealed record PayloadCatalog(
    EquatableArray<PayloadObjectSpec> Objects,
    EquatableArray<PayloadRootSpec> ValueRoots,
    EquatableArray<PayloadBinding> Bindings);
