using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OutboxGen.Generator.Emitting;
using OutboxGen.Generator.Model;
using OutboxGen.Generator.Parsing;

namespace OutboxGen.Generator.Payloads;

/// <summary>
/// Finds the payload types of replicated models and receivers and turns their classification into plain specs.
/// Nothing here keeps a symbol.
/// </summary>
internal static class PayloadParser
{
    private static readonly SymbolDisplayFormat TypeFormat = Parser.FullyQualified;

    /// <summary>The payload a <c>[Replicated]</c> class returns from <c>PayloadForUpdate</c>, if it has one.</summary>
    public static PayloadRootSpec? ParseModel(
        GeneratorAttributeSyntaxContext context,
        CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type)
        {
            return null;
        }

        var method = type.GetMembers("PayloadForUpdate").OfType<IMethodSymbol>()
            .FirstOrDefault(m => !m.IsStatic && m.Parameters.Length == 0 && !m.ReturnsVoid && m.Arity == 0
                && m.DeclaredAccessibility == Accessibility.Public);
        if (method is null)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return ParseRoot(
            method.ReturnType.ToDisplayString(TypeFormat),
            method.ReturnType,
            context.SemanticModel.Compilation);
    }

    /// <summary>The payload an <c>[OutboxReceiver]</c> method takes as its first parameter.</summary>
    public static PayloadRootSpec? ParseReceiver(
        GeneratorAttributeSyntaxContext context,
        CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol { Parameters.Length: > 0 } method)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var payload = method.Parameters[0].Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        return ParseRoot(payload.ToDisplayString(TypeFormat), payload, context.SemanticModel.Compilation);
    }

    /// <summary>The payload types to emit, each once, and which declared payload type each serializer serves.</summary>
    public static PayloadCatalog BuildCatalog(
        ImmutableArray<PayloadRootSpec> modelRoots,
        ImmutableArray<PayloadRootSpec> receiverRoots)
    {
        var roots = modelRoots.Concat(receiverRoots).ToArray();
        var objects = roots.SelectMany(r => r.Objects)
            .GroupBy(o => o.Serializer, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(o => o.Serializer, StringComparer.Ordinal)
            .ToEquatableArray();
        var valueRoots = roots
            .Where(r => r.Type is { Kind: not PayloadKind.Object })
            .GroupBy(r => r.Serializer, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(r => r.Serializer, StringComparer.Ordinal)
            .ToEquatableArray();
        var bindings = roots
            .Where(r => r.Serializer is not null)
            .Select(r => new PayloadBinding(r.DeclaredType, r.Serializer!, Conversion(r.DeclaredType, r.Type!)))
            .Distinct()
            .OrderBy(b => b.DeclaredType, StringComparer.Ordinal)
            .ToEquatableArray();
        return new PayloadCatalog(objects, valueRoots, bindings);
    }

    /// <summary>The type a read value is converted to, or null when the serializer spells the declared type.</summary>
    private static string? Conversion(string declaredType, PayloadTypeRef type)
    {
        var bare = !type.IsValueType && declaredType.EndsWith("?", StringComparison.Ordinal)
            ? declaredType.Substring(0, declaredType.Length - 1)
            : declaredType;
        if (bare == type.TypeName)
        {
            return null;
        }

        return type.IsValueType ? bare : bare + "?";
    }

    private static PayloadRootSpec ParseRoot(string declaredType, ITypeSymbol type, Compilation compilation)
    {
        var graph = PayloadClassifier.Classify(type, compilation);
        if (graph.Root is null || graph.Problems.Count > 0)
        {
            return new PayloadRootSpec(declaredType, null, null, EquatableArray<PayloadObjectSpec>.Empty);
        }

        var root = ToRef(graph.Root);
        var objects = graph.Objects.Select(ToSpec).OrderBy(o => o.Serializer, StringComparer.Ordinal);
        var serializer = root.Serializer ?? SerializerName(root.TypeName);
        return new PayloadRootSpec(declaredType, root, serializer, objects.ToEquatableArray());
    }

    /// <summary>The generated serializer class of a type: its qualified name made into an identifier.</summary>
    public static string SerializerName(string typeName) => Identifier(typeName) + "Serializer";

    /// <summary>
    /// A name made of identifier characters that keeps distinct type names distinct: an underscore is doubled, a dot
    /// becomes one underscore, and the characters of generic, array and nullable syntax become words.
    /// </summary>
    public static string Identifier(string typeName)
    {
        var text = new System.Text.StringBuilder();
        foreach (var c in typeName.Replace("global::", ""))
        {
            text.Append(c switch
            {
                '.' => "_",
                '_' => "__",
                '<' => "_Of_",
                ',' => "_And_",
                '>' => "_",
                '?' => "_Nullable",
                '[' => "_Array",
                _ when char.IsLetterOrDigit(c) => c.ToString(),
                _ => "",
            });
        }

        return text.ToString();
    }

    private static PayloadObjectSpec ToSpec(PayloadObject shape)
    {
        var typeName = TypeName(shape.Symbol);
        var members = shape.Members.Select(member => new PayloadMemberSpec(
            Escape(member.Property.Name),
            member.JsonName,
            ToRef(member.Type),
            member.Written,
            member.Parameter?.Ordinal ?? -1,
            member.Parameter is { HasExplicitDefaultValue: true } parameter ? DefaultValue(parameter) : null,
            member.Required,
            member.Assignment,
            member.WriteCondition,
            TypeName(member.Property.ContainingType),
            shape.Symbol.IsGenericType && HasDictionary(member.Type)));
        return new PayloadObjectSpec(
            typeName,
            SerializerName(typeName),
            shape.Symbol.IsValueType,
            members.ToEquatableArray());
    }

    /// <summary>
    /// Whether a dictionary is in the type: its key is spelled <c>string</c>, as a dictionary's key may not be
    /// nullable, while a type argument that became the key of a generic type's member may be seen as <c>string?</c>.
    /// </summary>
    private static bool HasDictionary(PayloadType type) =>
        type.Kind == PayloadKind.Dictionary || (type.Element is { } element && HasDictionary(element));

    private static PayloadTypeRef ToRef(PayloadType type)
    {
        var element = type.Element is null ? null : ToRef(type.Element);
        return type.Kind switch
        {
            PayloadKind.Nullable => new PayloadTypeRef(
                type.Kind, element!.TypeName + "?", true, true, element, null, null, null, false),
            PayloadKind.Array => new PayloadTypeRef(
                type.Kind, element!.Declared + "[]", false, type.AcceptsNull, element, null, null, null, true),
            PayloadKind.List => ListRef(type, element!),
            PayloadKind.Dictionary => DictionaryRef(type, element!),
            PayloadKind.Object => ObjectRef(type),
            PayloadKind.Enum => new PayloadTypeRef(
                type.Kind,
                TypeName(type.Symbol),
                true,
                false,
                null,
                null,
                ((INamedTypeSymbol)type.Symbol).EnumUnderlyingType!.ToDisplayString(TypeFormat),
                null,
                false),
            _ => new PayloadTypeRef(
                type.Kind,
                TypeName(type.Symbol),
                type.Symbol.IsValueType,
                type.AcceptsNull,
                null,
                null,
                null,
                null,
                false),
        };
    }

    private static PayloadTypeRef ListRef(PayloadType type, PayloadTypeRef element)
    {
        const string Generic = "global::System.Collections.Generic.";
        var definition = DefinitionName((INamedTypeSymbol)type.Symbol);
        var indexable = definition is Generic + "List" or Generic + "IList" or Generic + "IReadOnlyList";
        return new PayloadTypeRef(
            type.Kind,
            definition + "<" + element.Declared + ">",
            false,
            type.AcceptsNull,
            element,
            null,
            null,
            Generic + "List<" + element.Declared + ">",
            indexable);
    }

    private static PayloadTypeRef DictionaryRef(PayloadType type, PayloadTypeRef element)
    {
        var arguments = "<string, " + element.Declared + ">";
        return new PayloadTypeRef(
            type.Kind,
            DefinitionName((INamedTypeSymbol)type.Symbol) + arguments,
            false,
            type.AcceptsNull,
            element,
            null,
            null,
            "global::System.Collections.Generic.Dictionary" + arguments,
            false);
    }

    private static PayloadTypeRef ObjectRef(PayloadType type)
    {
        var name = TypeName(type.Symbol);
        return new PayloadTypeRef(
            type.Kind,
            name,
            type.Symbol.IsValueType,
            type.AcceptsNull,
            null,
            SerializerName(name),
            null,
            null,
            false);
    }

    /// <summary>
    /// The type as generated code names it, without a trailing <c>?</c>. Generated code is compiled with nullable
    /// annotations on, where a type argument spelled without <c>?</c> is not nullable; so a reference-type argument
    /// declared where annotations are off gets a <c>?</c>, as it accepts <c>null</c> everywhere else in a payload.
    /// Spelled otherwise, the members of <c>Wrap&lt;string&gt;</c> would not have the types the reader gives them.
    /// </summary>
    private static string TypeName(ITypeSymbol type) => type switch
    {
        INamedTypeSymbol { IsGenericType: true, IsTupleType: false } named => GenericName(named),
        IArrayTypeSymbol { IsSZArray: true } array => ArgumentName(array.ElementType, nullable: true) + "[]",
        _ => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeFormat),
    };

    private static string GenericName(INamedTypeSymbol type)
    {
        if (type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            return TypeName(type.TypeArguments[0]) + "?";
        }

        var container = type.ContainingType is { } containing
            ? TypeName(containing) + "."
            : type.ContainingNamespace is { IsGlobalNamespace: false } ns
                ? ns.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "."
                : "global::";
        // A type argument for a parameter constrained to notnull (a dictionary's key) is never spelled nullable.
        var parameters = type.OriginalDefinition.TypeParameters;
        var arguments = type.TypeArguments.Length == 0
            ? ""
            : "<" + string.Join(", ", type.TypeArguments.Select((argument, index) =>
                ArgumentName(argument, !parameters[index].HasNotNullConstraint))) + ">";
        return container + Escape(type.Name) + arguments;
    }

    private static string ArgumentName(ITypeSymbol type, bool nullable) =>
        nullable && type.IsReferenceType && type.NullableAnnotation != NullableAnnotation.NotAnnotated
            ? TypeName(type) + "?"
            : TypeName(type);

    private static string DefinitionName(INamedTypeSymbol type)
    {
        var text = type.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var open = text.IndexOf('<');
        return open < 0 ? text : text.Substring(0, open);
    }

    private static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private static string DefaultValue(IParameterSymbol parameter)
    {
        var value = parameter.ExplicitDefaultValue;
        var type = parameter.Type;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (value is null)
        {
            return "default!";
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return "(" + TypeName(type) + ")(" + Number(value) + ")";
        }

        return value switch
        {
            string text => Literals.String(text),
            bool flag => Literals.Bool(flag),
            char c => CharLiteral(c),
            _ => Number(value),
        };
    }

    private static string CharLiteral(char c) => c switch
    {
        '\'' or '\\' => "'\\" + c + "'",
        _ when c < ' ' || char.IsSurrogate(c) =>
            "'\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) + "'",
        _ => "'" + c + "'",
    };

    private static string Number(object value) => value switch
    {
        float f when float.IsNaN(f) => "float.NaN",
        float f when float.IsPositiveInfinity(f) => "float.PositiveInfinity",
        float f when float.IsNegativeInfinity(f) => "float.NegativeInfinity",
        float f => f.ToString("R", CultureInfo.InvariantCulture) + "F",
        double d when double.IsNaN(d) => "double.NaN",
        double d when double.IsPositiveInfinity(d) => "double.PositiveInfinity",
        double d when double.IsNegativeInfinity(d) => "double.NegativeInfinity",
        double d => d.ToString("R", CultureInfo.InvariantCulture) + "D",
        decimal m => m.ToString(CultureInfo.InvariantCulture) + "M",
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        ulong u => u.ToString(CultureInfo.InvariantCulture) + "UL",
        uint u => u.ToString(CultureInfo.InvariantCulture) + "U",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "default",
    };
}
