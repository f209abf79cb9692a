using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

// This file is compiled into both the generator and the analyzers (linked), so the two never disagree about
// which payload types get generated code.
namespace OutboxGen.Generator.Payloads;

/// <summary>How a payload value is read and written.</summary>
internal enum PayloadKind
{
    String,
    Boolean,
    SByte,
    Byte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Single,
    Double,
    Decimal,
    Guid,
    DateTime,
    DateTimeOffset,
    TimeSpan,
    Enum,
    Bytes,
    Array,
    List,
    Dictionary,
    Nullable,
    Object,
}

/// <summary>Why a payload type gets no generated serializer.</summary>
internal enum PayloadProblemKind
{
    /// <summary>A member's type, or the payload type itself, is not a supported shape (OBX201).</summary>
    UnsupportedType,

    /// <summary>An object type has no constructor the generated reader can call (OBX202).</summary>
    NoUsableConstructor,

    /// <summary>Two members of an object type have the same JSON name (OBX203).</summary>
    DuplicateJsonName,

    /// <summary>A System.Text.Json attribute the generated code does not honour (OBX204).</summary>
    AttributeNotHonoured,
}

/// <summary>One reason a payload type cannot be generated, with the symbols that show where.</summary>
internal sealed class PayloadProblem
{
    public PayloadProblem(PayloadProblemKind kind, ITypeSymbol type, ISymbol? member, string detail, bool onType)
    {
        Kind = kind;
        Type = type;
        Member = member;
        Detail = detail;
        OnType = onType;
    }

    public PayloadProblemKind Kind { get; }

    /// <summary>The type that cannot be handled.</summary>
    public ITypeSymbol Type { get; }

    /// <summary>The property or constructor parameter whose type it is, when the problem is inside an object.</summary>
    public ISymbol? Member { get; }

    /// <summary>What is wrong, as a phrase for the diagnostic message.</summary>
    public string Detail { get; }

    /// <summary>Whether the problem is on the type's declaration rather than on the member.</summary>
    public bool OnType { get; }
}

/// <summary>A classified payload value type: how it is read and written.</summary>
internal sealed class PayloadType
{
    public PayloadType(PayloadKind kind, ITypeSymbol symbol, bool acceptsNull)
    {
        Kind = kind;
        Symbol = symbol;
        AcceptsNull = acceptsNull;
    }

    public PayloadKind Kind { get; }

    public ITypeSymbol Symbol { get; }

    /// <summary>Whether JSON <c>null</c> may be read into it: a nullable value type or a nullable reference.</summary>
    public bool AcceptsNull { get; }

    /// <summary>An array's or list's element, a dictionary's value, or a nullable's underlying type.</summary>
    public PayloadType? Element { get; set; }

    /// <summary>The object's shape, for <see cref="PayloadKind.Object"/>.</summary>
    public PayloadObject? Object { get; set; }
}

/// <summary>A class, record or struct read and written member by member.</summary>
internal sealed class PayloadObject
{
    public PayloadObject(INamedTypeSymbol symbol)
    {
        Symbol = symbol;
    }

    public INamedTypeSymbol Symbol { get; }

    /// <summary>The constructor the reader calls; null for a struct's default value.</summary>
    public IMethodSymbol? Constructor { get; set; }

    public List<PayloadMember> Members { get; } = new();
}

/// <summary>A public property of a payload object.</summary>
internal sealed class PayloadMember
{
    public PayloadMember(IPropertySymbol property, string jsonName, PayloadType type)
    {
        Property = property;
        JsonName = jsonName;
        Type = type;
    }

    public IPropertySymbol Property { get; }

    public string JsonName { get; }

    public PayloadType Type { get; }

    /// <summary>Whether the writer writes it: the getter is public.</summary>
    public bool Written { get; set; }

    /// <summary>The constructor parameter it is passed as, or null.</summary>
    public IParameterSymbol? Parameter { get; set; }

    /// <summary>Whether a JSON object without it is an error.</summary>
    public bool Required { get; set; }

    /// <summary>How the reader assigns it when it is not a constructor argument.</summary>
    public PayloadAssignment Assignment { get; set; }

    /// <summary>When the writer leaves it out.</summary>
    public PayloadWriteCondition WriteCondition { get; set; }

    /// <summary>The position given by <c>[JsonPropertyOrder]</c>.</summary>
    public int Order { get; set; }
}

internal enum PayloadAssignment
{
    /// <summary>Not assigned on read: the value comes from the constructor or the member is read-only.</summary>
    None,

    /// <summary>Through its public setter after construction, when present.</summary>
    Setter,

    /// <summary>In the object initializer: a C# <c>required</c> member.</summary>
    Initializer,

    /// <summary>Through its <c>init</c> accessor after construction, when present.</summary>
    InitAccessor,
}

internal enum PayloadWriteCondition
{
    Always,
    WhenNotNull,
    WhenNotDefault,
}

/// <summary>Every object reached from a payload root, and every problem found on the way.</summary>
internal sealed class PayloadGraph
{
    public PayloadGraph(PayloadType? root, IReadOnlyList<PayloadObject> objects, IReadOnlyList<PayloadProblem> problems)
    {
        Root = root;
        Objects = objects;
        Problems = problems;
    }

    /// <summary>The root's shape; null when the root itself cannot be handled.</summary>
    public PayloadType? Root { get; }

    public IReadOnlyList<PayloadObject> Objects { get; }

    public IReadOnlyList<PayloadProblem> Problems { get; }
}

/// <summary>
/// Decides how each payload type is read and written, following System.Text.Json's rules for the shapes it
/// supports (which constructor, which members, which names), so that both produce and accept the same JSON.
/// </summary>
internal static class PayloadClassifier
{
    private const string JsonAttributes = "System.Text.Json.Serialization.";

    private static readonly string[] NotHonouredAttributes =
    {
        "JsonConverterAttribute",
        "JsonExtensionDataAttribute",
        "JsonPolymorphicAttribute",
        "JsonDerivedTypeAttribute",
        "JsonNumberHandlingAttribute",
        "JsonObjectCreationHandlingAttribute",
        "JsonUnmappedMemberHandlingAttribute",
    };

    public static PayloadGraph Classify(ITypeSymbol root, Compilation compilation)
    {
        var walk = new Walk(compilation);
        var type = walk.Classify(root, acceptsNull: true, member: null);
        return new PayloadGraph(type, walk.Objects, walk.Problems);
    }

    /// <summary>
    /// System.Text.Json's camelCase: the leading run of capitals is lowered, except the last one of a run that is
    /// followed by a lowercase letter (<c>URLValue</c> becomes <c>urlValue</c>, <c>ID</c> becomes <c>id</c>).
    /// </summary>
    public static string CamelCase(string name)
    {
        if (name.Length == 0 || !char.IsUpper(name[0]))
        {
            return name;
        }

        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 1 && !char.IsUpper(chars[i]))
            {
                break;
            }

            var next = i + 1 < chars.Length ? chars[i + 1] : '\0';
            if (i > 0 && i + 1 < chars.Length && !char.IsUpper(next))
            {
                if (next == ' ')
                {
                    chars[i] = char.ToLowerInvariant(chars[i]);
                }

                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }

    private static bool HasAttribute(ISymbol symbol, string name) => FindAttribute(symbol, name) is not null;

    private static AttributeData? FindAttribute(ISymbol symbol, string name) =>
        symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == JsonAttributes + name);

    private static string? NotHonoured(ISymbol symbol) =>
        NotHonouredAttributes.FirstOrDefault(name => HasAttribute(symbol, name)) is { } found
            ? "[" + found.Substring(0, found.Length - "Attribute".Length) + "]"
            : null;

    private sealed class Walk
    {
        private readonly Compilation _compilation;
        private readonly Dictionary<ITypeSymbol, PayloadObject?> _seen = new(SymbolEqualityComparer.Default);

        public Walk(Compilation compilation)
        {
            _compilation = compilation;
        }

        public List<PayloadObject> Objects { get; } = new();

        public List<PayloadProblem> Problems { get; } = new();

        public PayloadType? Classify(ITypeSymbol type, bool acceptsNull, ISymbol? member)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                var underlying = Classify(nullable.TypeArguments[0], acceptsNull: false, member);
                return underlying is null
                    ? null
                    : new PayloadType(PayloadKind.Nullable, type, true) { Element = underlying };
            }

            var nullableReference = !type.IsValueType && acceptsNull;
            if (Scalar(type) is { } scalar)
            {
                return new PayloadType(scalar, type, nullableReference);
            }

            if (type.TypeKind == TypeKind.Enum)
            {
                // An enum with a converter (such as JsonStringEnumConverter) is written as that converter says.
                if (NotHonoured(type) is { } converter)
                {
                    Report(PayloadProblemKind.AttributeNotHonoured, type, member, "uses " + converter, onType: true);
                    return null;
                }

                return new PayloadType(PayloadKind.Enum, type, false);
            }

            if (type is IArrayTypeSymbol array)
            {
                return ClassifyArray(array, nullableReference, member);
            }

            if (type is not INamedTypeSymbol named || Unsupported(type) is not null)
            {
                return Fail(PayloadProblemKind.UnsupportedType, type, member, Unsupported(type));
            }

            if (Collection(named) is { } collection)
            {
                return ClassifyCollection(named, collection, nullableReference, member);
            }

            if (!_compilation.IsSymbolAccessibleWithin(named, _compilation.Assembly))
            {
                return Fail(PayloadProblemKind.UnsupportedType, type, member, "is not accessible from this assembly");
            }

            var shape = ClassifyObject(named, member);
            return shape is null
                ? null
                : new PayloadType(PayloadKind.Object, type, nullableReference) { Object = shape };
        }

        private PayloadType? ClassifyArray(IArrayTypeSymbol array, bool acceptsNull, ISymbol? member)
        {
            if (!array.IsSZArray)
            {
                return Fail(PayloadProblemKind.UnsupportedType, array, member, "is a multi-dimensional array");
            }

            if (array.ElementType.SpecialType == SpecialType.System_Byte)
            {
                return new PayloadType(PayloadKind.Bytes, array, acceptsNull);
            }

            var element = Classify(array.ElementType, AcceptsNull(array.ElementType), member);
            return element is null
                ? null
                : new PayloadType(PayloadKind.Array, array, acceptsNull) { Element = element };
        }

        private PayloadType? ClassifyCollection(
            INamedTypeSymbol named,
            PayloadKind kind,
            bool acceptsNull,
            ISymbol? member)
        {
            if (kind == PayloadKind.Dictionary && named.TypeArguments[0].SpecialType != SpecialType.System_String)
            {
                const string Keys = "is a dictionary whose keys are not strings";
                return Fail(PayloadProblemKind.UnsupportedType, named, member, Keys);
            }

            var elementType = named.TypeArguments[named.TypeArguments.Length - 1];
            var element = Classify(elementType, AcceptsNull(elementType), member);
            return element is null ? null : new PayloadType(kind, named, acceptsNull) { Element = element };
        }

        private PayloadObject? ClassifyObject(INamedTypeSymbol type, ISymbol? member)
        {
            if (_seen.TryGetValue(type, out var known))
            {
                return known;
            }

            var shape = new PayloadObject(type);
            _seen[type] = shape;
            var before = Problems.Count;

            if (NotHonoured(type) is { } attribute)
            {
                Report(PayloadProblemKind.AttributeNotHonoured, type, member, "uses " + attribute, onType: true);
            }

            var constructor = ChooseConstructor(type, member, out var found);
            shape.Constructor = constructor;
            var complete = AddMembers(type, shape);

            // A member whose type failed is already reported, and missing from the list the constructor binds to.
            if (complete && found)
            {
                BindConstructor(type, shape, member);
            }

            if (complete)
            {
                CheckNames(type, shape);
                CheckRequiredMembers(type, shape, member);
            }

            if (!complete || Problems.Count > before)
            {
                _seen[type] = null;
                return null;
            }

            Objects.Add(shape);
            return shape;
        }

        private IMethodSymbol? ChooseConstructor(INamedTypeSymbol type, ISymbol? member, out bool found)
        {
            var constructors = type.InstanceConstructors
                .Where(c => c.DeclaredAccessibility == Accessibility.Public)
                .ToArray();
            var marked = constructors.Where(c => HasAttribute(c, "JsonConstructorAttribute")).ToArray();
            found = true;
            if (marked.Length > 1)
            {
                Report(PayloadProblemKind.NoUsableConstructor, type, member, "has more than one [JsonConstructor]");
                return null;
            }

            if (marked.Length == 1)
            {
                return marked[0];
            }

            if (type.IsValueType)
            {
                return null;
            }

            var parameterless = constructors.FirstOrDefault(c => c.Parameters.Length == 0);
            if (parameterless is not null)
            {
                return parameterless;
            }

            if (constructors.Length == 1)
            {
                return constructors[0];
            }

            found = false;
            Report(
                PayloadProblemKind.NoUsableConstructor,
                type,
                member,
                constructors.Length == 0
                    ? "has no public constructor"
                    : "has several public constructors and none is parameterless or marked [JsonConstructor]");
            return null;
        }

        private bool AddMembers(INamedTypeSymbol type, PayloadObject shape)
        {
            var complete = true;
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object;
                current = current.BaseType)
            {
                foreach (var candidate in current.GetMembers())
                {
                    // System.Text.Json also reads and writes fields and non-public properties marked [JsonInclude].
                    if (candidate is IFieldSymbol or IPropertySymbol { DeclaredAccessibility: not Accessibility.Public }
                        && !candidate.IsStatic && HasAttribute(candidate, "JsonIncludeAttribute"))
                    {
                        var included = candidate is IFieldSymbol field ? field.Type : ((IPropertySymbol)candidate).Type;
                        Report(PayloadProblemKind.AttributeNotHonoured, included, candidate, "uses [JsonInclude]");
                        complete = false;
                        continue;
                    }

                    if (candidate is not IPropertySymbol property || property.IsStatic || property.IsIndexer
                        || property.DeclaredAccessibility != Accessibility.Public || !names.Add(property.Name))
                    {
                        continue;
                    }

                    complete &= AddMember(type, shape, property);
                }
            }

            // A stable sort: members without [JsonPropertyOrder] keep declaration order, as System.Text.Json does.
            var ordered = shape.Members.Select((m, i) => (Member: m, Index: i))
                .OrderBy(p => p.Member.Order).ThenBy(p => p.Index).Select(p => p.Member).ToArray();
            shape.Members.Clear();
            shape.Members.AddRange(ordered);
            return complete;
        }

        /// <summary>Adds a property unless it is ignored; false when its type cannot be handled.</summary>
        private bool AddMember(INamedTypeSymbol owner, PayloadObject shape, IPropertySymbol property)
        {
            var getter = property.GetMethod is { DeclaredAccessibility: Accessibility.Public };
            var setter = property.SetMethod is { DeclaredAccessibility: Accessibility.Public };
            if (!getter && !setter)
            {
                return true;
            }

            var ignore = FindAttribute(property, "JsonIgnoreAttribute");
            var condition = ignore?.NamedArguments.FirstOrDefault(a => a.Key == "Condition").Value.Value as int?;
            if (ignore is not null && condition is null or 1)
            {
                return true;
            }

            if (NotHonoured(property) is { } attribute)
            {
                Report(PayloadProblemKind.AttributeNotHonoured, property.Type, property, "uses " + attribute);
                return false;
            }

            var type = Classify(property.Type, AcceptsNull(property.Type), property);
            if (type is null)
            {
                return false;
            }

            var named = FindAttribute(property, "JsonPropertyNameAttribute")?.ConstructorArguments
                .FirstOrDefault().Value as string;
            var order = FindAttribute(property, "JsonPropertyOrderAttribute")?.ConstructorArguments
                .FirstOrDefault().Value as int?;
            var member = new PayloadMember(property, named ?? CamelCase(property.Name), type)
            {
                Written = getter,
                Order = order ?? 0,
                WriteCondition = condition switch
                {
                    2 => PayloadWriteCondition.WhenNotDefault,
                    3 => PayloadWriteCondition.WhenNotNull,
                    _ => PayloadWriteCondition.Always,
                },
                Required = HasAttribute(property, "JsonRequiredAttribute"),
            };

            if (setter && property.IsRequired)
            {
                member.Required = true;
                member.Assignment = PayloadAssignment.Initializer;
            }
            else if (setter)
            {
                member.Assignment = AfterConstruction(owner, property);
            }

            shape.Members.Add(member);
            return true;
        }

        private void BindConstructor(INamedTypeSymbol type, PayloadObject shape, ISymbol? member)
        {
            var constructor = shape.Constructor;
            if (constructor is null)
            {
                return;
            }

            foreach (var parameter in constructor.Parameters)
            {
                var bound = shape.Members.FirstOrDefault(m =>
                    string.Equals(m.Property.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)
                    && SymbolEqualityComparer.Default.Equals(m.Property.Type, parameter.Type));
                if (bound is null || parameter.RefKind is not (RefKind.None or RefKind.In) || parameter.IsParams)
                {
                    Report(
                        PayloadProblemKind.NoUsableConstructor,
                        type,
                        member,
                        $"has a constructor parameter '{parameter.Name}' that matches no public property of its type");
                    continue;
                }

                // A C# required member must be set in the object initializer too, unless the constructor says it
                // sets the required members.
                bound.Parameter = parameter;
                bound.Assignment = bound.Property.IsRequired && !SetsRequiredMembers(constructor)
                    ? PayloadAssignment.Initializer
                    : PayloadAssignment.None;
                bound.Required |= !parameter.HasExplicitDefaultValue;
            }

            if (!SetsRequiredMembers(constructor))
            {
                return;
            }

            // A constructor that sets the required members lets the JSON leave them out.
            foreach (var payloadMember in shape.Members.Where(m => m.Property.IsRequired && m.Parameter is null))
            {
                payloadMember.Required = HasAttribute(payloadMember.Property, "JsonRequiredAttribute");
                payloadMember.Assignment = AfterConstruction(type, payloadMember.Property);
            }
        }

        /// <summary>Reports C# <c>required</c> members the reader cannot set: ignored properties, fields.</summary>
        private void CheckRequiredMembers(INamedTypeSymbol type, PayloadObject shape, ISymbol? member)
        {
            if (SetsRequiredMembers(shape.Constructor))
            {
                return;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var required in current.GetMembers().Where(m => m is IPropertySymbol { IsRequired: true }
                    or IFieldSymbol { IsRequired: true }))
                {
                    if (!shape.Members.Any(m => m.Property.Name == required.Name))
                    {
                        Report(
                            PayloadProblemKind.NoUsableConstructor,
                            type,
                            member,
                            $"has a required member '{required.Name}' that is not read from JSON (a field or ignored)");
                    }
                }
            }
        }

        // The init accessor is called through an UnsafeAccessor after construction, which cannot name a member of a
        // generic type; there the object initializer sets it instead.
        private static PayloadAssignment AfterConstruction(INamedTypeSymbol owner, IPropertySymbol property) =>
            property.SetMethod!.IsInitOnly
                ? owner.IsGenericType || property.ContainingType.IsGenericType
                    ? PayloadAssignment.Initializer
                    : PayloadAssignment.InitAccessor
                : PayloadAssignment.Setter;

        private static bool SetsRequiredMembers(IMethodSymbol? constructor) =>
            constructor is not null && constructor.GetAttributes().Any(a =>
                a.AttributeClass?.ToDisplayString() == "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute");

        private void CheckNames(INamedTypeSymbol type, PayloadObject shape)
        {
            // Reading matches names ignoring case, so names that differ only in case would be ambiguous.
            var seen = new Dictionary<string, PayloadMember>(StringComparer.OrdinalIgnoreCase);
            foreach (var member in shape.Members)
            {
                if (seen.TryGetValue(member.JsonName, out var first))
                {
                    Report(
                        PayloadProblemKind.DuplicateJsonName,
                        type,
                        member.Property,
                        $"has the JSON name '{member.JsonName}', which '{first.Property.Name}' already has");
                    continue;
                }

                seen.Add(member.JsonName, member);
            }
        }

        private PayloadType? Fail(PayloadProblemKind kind, ITypeSymbol type, ISymbol? member, string? detail)
        {
            Report(kind, type, member, detail ?? "is not a supported payload type");
            return null;
        }

        private void Report(
            PayloadProblemKind kind,
            ITypeSymbol type,
            ISymbol? member,
            string detail,
            bool onType = false) =>
            Problems.Add(new PayloadProblem(kind, type, member, detail, onType));
    }

    private static bool AcceptsNull(ITypeSymbol type) =>
        !type.IsValueType && type.NullableAnnotation != NullableAnnotation.NotAnnotated;

    private static PayloadKind? Scalar(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_String => PayloadKind.String,
        SpecialType.System_Boolean => PayloadKind.Boolean,
        SpecialType.System_SByte => PayloadKind.SByte,
        SpecialType.System_Byte => PayloadKind.Byte,
        SpecialType.System_Int16 => PayloadKind.Int16,
        SpecialType.System_UInt16 => PayloadKind.UInt16,
        SpecialType.System_Int32 => PayloadKind.Int32,
        SpecialType.System_UInt32 => PayloadKind.UInt32,
        SpecialType.System_Int64 => PayloadKind.Int64,
        SpecialType.System_UInt64 => PayloadKind.UInt64,
        SpecialType.System_Single => PayloadKind.Single,
        SpecialType.System_Double => PayloadKind.Double,
        SpecialType.System_Decimal => PayloadKind.Decimal,
        SpecialType.System_DateTime => PayloadKind.DateTime,
        _ => MetadataName(type) switch
        {
            "System.Guid" => PayloadKind.Guid,
            "System.DateTimeOffset" => PayloadKind.DateTimeOffset,
            "System.TimeSpan" => PayloadKind.TimeSpan,
            _ => null,
        },
    };

    private static PayloadKind? Collection(INamedTypeSymbol type) => MetadataName(type.OriginalDefinition) switch
    {
        "System.Collections.Generic.List`1" or "System.Collections.Generic.IList`1"
            or "System.Collections.Generic.ICollection`1" or "System.Collections.Generic.IEnumerable`1"
            or "System.Collections.Generic.IReadOnlyList`1" or "System.Collections.Generic.IReadOnlyCollection`1" =>
            PayloadKind.List,
        "System.Collections.Generic.Dictionary`2" or "System.Collections.Generic.IDictionary`2"
            or "System.Collections.Generic.IReadOnlyDictionary`2" => PayloadKind.Dictionary,
        _ => null,
    };

    /// <summary>Why a named type cannot be read and written member by member, or null when it can.</summary>
    private static string? Unsupported(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol named && Collection(named) is not null)
        {
            return null;
        }

        return type switch
        {
            { TypeKind: TypeKind.Delegate } => "is a delegate",
            IPointerTypeSymbol or IFunctionPointerTypeSymbol => "is a pointer",
            ITypeParameterSymbol => "is a type parameter",
            IDynamicTypeSymbol or { SpecialType: SpecialType.System_Object } =>
                "is object, whose shape is not known at compile time",
            { TypeKind: TypeKind.Interface } => "is an interface with no known implementation",
            { IsAbstract: true } => "is abstract, with no known implementation",
            { IsStatic: true } => "is static",
            { IsRefLikeType: true } => "is a ref struct",
            INamedTypeSymbol { IsTupleType: true } or INamedTypeSymbol { IsAnonymousType: true } =>
                "is a tuple or anonymous type",
            INamedTypeSymbol { IsUnboundGenericType: true } => "is an open generic type",
            _ when IsFrameworkType(type) => "is a framework type that payloads do not support",

            // System.Text.Json writes every other enumerable type as an array, which member-by-member code would not.
            _ when type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable) =>
                "is a collection other than an array, a list or a dictionary with string keys",
            _ => null,
        };
    }

    private static bool IsFrameworkType(ITypeSymbol type)
    {
        var ns = type.ContainingNamespace?.ToDisplayString() ?? "";
        return ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal);
    }

    private static string MetadataName(ITypeSymbol type)
    {
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : "";
        return ns + type.MetadataName;
    }
}
