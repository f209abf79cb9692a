using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using OutboxGen.Generator.Model;

namespace OutboxGen.Generator.Parsing;

/// <summary>
/// Turns attributed symbols into plain, equatable specs. Nothing here keeps a symbol or a syntax node.
/// </summary>
internal static class Parser
{
    public static readonly SymbolDisplayFormat FullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static ScopeSpec? ParseScope(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IFieldSymbol { HasConstantValue: true } field)
        {
            return null;
        }

        var attribute = context.Attributes[0];
        return new ScopeSpec(
            field.ContainingType.ToDisplayString(FullyQualified),
            field.Name,
            ToInt64(field.ConstantValue),
            NamedString(attribute, "ShardKey"),
            NamedBool(attribute, "Retired"));
    }

    public static CategorySpec? ParseCategory(
        GeneratorAttributeSyntaxContext context,
        CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IFieldSymbol { HasConstantValue: true } field)
        {
            return null;
        }

        var attribute = context.Attributes[0];
        var scope = EnumArgument(attribute);
        return new CategorySpec(
            field.ContainingType.ToDisplayString(FullyQualified),
            field.Name,
            ToInt64(field.ConstantValue),
            scope?.EnumType,
            scope?.Value ?? 0,
            NamedBool(attribute, "Retired"));
    }

    public static ReplicatedSpec? ParseReplicated(
        GeneratorAttributeSyntaxContext context,
        CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type)
        {
            return null;
        }

        var attribute = context.Attributes[0];
        var containing = new List<ContainingType>();
        var isPartial = IsPartial(type, cancellationToken);
        for (var parent = type.ContainingType; parent is not null; parent = parent.ContainingType)
        {
            containing.Insert(0, new ContainingType(Keyword(parent), parent.Name));
            isPartial &= IsPartial(parent, cancellationToken);
        }

        var members = new List<MemberSpec>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public || !seen.Add(member.Name))
                {
                    continue;
                }

                var memberType = member switch
                {
                    IPropertySymbol { GetMethod: not null, IsIndexer: false } property => property.Type,
                    IFieldSymbol field => field.Type,
                    _ => null,
                };
                if (memberType is null)
                {
                    continue;
                }

                var isKey = member.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == Names.KeyAttribute);
                members.Add(new MemberSpec(
                    member.Name,
                    memberType.ToDisplayString(FullyQualified),
                    IsIdentifierType(memberType),
                    isKey));
            }
        }

        var payloadMethod = type.GetMembers("PayloadForUpdate").OfType<IMethodSymbol>()
            .FirstOrDefault(m => !m.IsStatic && m.Parameters.Length == 0 && !m.ReturnsVoid && m.Arity == 0
                && m.DeclaredAccessibility == Accessibility.Public);

        var replication = type.GetMembers("HandleReplicationAsync").OfType<IMethodSymbol>().Any(m =>
            !m.IsStatic && IsCallable(m) && m.Parameters.Length == 2
            && Is(m.Parameters[0].Type, Names.ReplicationContext) && Is(m.Parameters[1].Type, Names.CancellationToken));

        var deletion = type.GetMembers("HandleDeletionAsync").OfType<IMethodSymbol>().FirstOrDefault(m =>
            m.IsStatic && IsCallable(m) && m.Parameters.Length == 2
            && IsDeletionContext(m.Parameters[0].Type, payloadMethod?.ReturnType)
            && Is(m.Parameters[1].Type, Names.CancellationToken));

        // The dispatch code builds the deletion context the handler declares: the payload's type may differ from
        // the handler's type argument in nullability only, and either spelling must compile without a warning.
        var deletionContext = deletion?.Parameters[0].Type as INamedTypeSymbol;
        var deletionPayloadType = deletionContext is { TypeArguments.Length: 1 }
            ? deletionContext.TypeArguments[0].ToDisplayString(FullyQualified)
            : null;

        var targetCells = type.GetMembers("TargetCells").OfType<IMethodSymbol>().Any(m =>
            !m.IsStatic && IsAccessible(m) && m.Parameters.Length == 0 && m.Arity == 0
            && IsEnumerableOfString(m.ReturnType));

        return new ReplicatedSpec(
            type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
            containing.ToEquatableArray(),
            type.Name,
            type.ToDisplayString(FullyQualified),
            isPartial,
            type.IsGenericType || type.ContainingType?.IsGenericType == true || type.IsAbstract || type.IsStatic
                || !IsReachable(type),
            EnumArgument(attribute),
            NamedInt(attribute, "Silo", 0),
            NamedInt(attribute, "ReplicationVersion", 1),
            members.OrderBy(m => m.Name, StringComparer.Ordinal).ToEquatableArray(),
            payloadMethod?.ReturnType.ToDisplayString(FullyQualified),
            deletionPayloadType,
            replication,
            deletion is not null,
            targetCells);
    }

    public static ReceiverSpec? ParseReceiver(
        GeneratorAttributeSyntaxContext context,
        CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method)
        {
            return null;
        }

        var attribute = context.Attributes[0];
        var valid = method.IsStatic && IsAccessible(method) && ReturnsTask(method) && method.Arity == 0
            && method.Parameters.Length == 3
            && method.Parameters.All(p => p.RefKind == RefKind.None)
            && method.Parameters[0].Type
                is not (ITypeParameterSymbol or IPointerTypeSymbol or IFunctionPointerTypeSymbol)
            && Is(method.Parameters[1].Type, Names.OutboxMessage)
            && Is(method.Parameters[2].Type, Names.CancellationToken)
            && !IsInGenericType(method.ContainingType)
            && IsReachable(method.ContainingType);

        var payload = method.Parameters.Length > 0 ? method.Parameters[0].Type : null;
        var nullable = payload is not null
            && (payload.NullableAnnotation == NullableAnnotation.Annotated
                || payload.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T);

        return new ReceiverSpec(
            method.ContainingType.ToDisplayString(FullyQualified),
            method.Name,
            EnumArgument(attribute),
            NamedInt(attribute, "Silo", 0),
            payload?.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(FullyQualified)
                ?? "object",
            nullable,
            valid);
    }

    /// <summary>Integer types whose every value fits a 64-bit signed identifier.</summary>
    public static bool IsIdentifierType(ITypeSymbol type) => type.SpecialType is SpecialType.System_SByte
        or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
        or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64;

    private static EnumReference? EnumArgument(AttributeData attribute)
    {
        if (attribute.ConstructorArguments.Length != 1)
        {
            return null;
        }

        var argument = attribute.ConstructorArguments[0];
        if (argument.Kind != TypedConstantKind.Enum || argument.Type is null || argument.Value is null)
        {
            return null;
        }

        return new EnumReference(argument.Type.ToDisplayString(FullyQualified), ToInt64(argument.Value));
    }

    private static long ToInt64(object? value) => value switch
    {
        ulong u => unchecked((long)u),
        null => 0,
        _ => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string? NamedString(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;

    private static bool NamedBool(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value is true;

    private static int NamedInt(AttributeData attribute, string name, int fallback) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value is int value ? value : fallback;

    private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        type.DeclaringSyntaxReferences.Length > 0
        && type.DeclaringSyntaxReferences.All(reference =>
            reference.GetSyntax(cancellationToken) is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax syntax
            && syntax.Modifiers.Any(m => m.ValueText == "partial"));

    private static string Keyword(INamedTypeSymbol type) => (type.IsRecord, type.TypeKind) switch
    {
        (true, TypeKind.Struct) => "record struct",
        (true, _) => "record",
        (_, TypeKind.Struct) => "struct",
        (_, TypeKind.Interface) => "interface",
        _ => "class",
    };

    private static bool IsAccessible(IMethodSymbol method) =>
        method.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal;

    /// <summary>A handler the dispatch code can call as written: no type parameters, no ref, in or out.</summary>
    private static bool IsCallable(IMethodSymbol method) =>
        IsAccessible(method) && ReturnsTask(method) && method.Arity == 0
        && method.Parameters.All(p => p.RefKind == RefKind.None);

    /// <summary>Whether the generated registry, in another class of the assembly, can name the type.</summary>
    private static bool IsReachable(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected
                or Accessibility.ProtectedAndInternal)
            {
                return false;
            }
        }

        return true;
    }

    private static bool ReturnsTask(IMethodSymbol method) => Is(method.ReturnType, Names.Task);

    private static bool Is(ITypeSymbol type, string metadataName) =>
        MetadataName(type.OriginalDefinition) == metadataName;

    private static string MetadataName(ITypeSymbol type)
    {
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : "";
        return ns + type.MetadataName;
    }

    private static bool IsDeletionContext(ITypeSymbol type, ITypeSymbol? payload)
    {
        if (payload is null)
        {
            return MetadataName(type) == Names.DeletionContext;
        }

        return type is INamedTypeSymbol { TypeArguments.Length: 1 } named
            && MetadataName(named.OriginalDefinition) == Names.GenericDeletionContext
            && SymbolEqualityComparer.Default.Equals(named.TypeArguments[0], payload);
    }

    private static bool IsEnumerableOfString(ITypeSymbol type)
    {
        // A cell name may not be null: a sequence of string? is not accepted.
        bool Matches(INamedTypeSymbol candidate) =>
            MetadataName(candidate.OriginalDefinition) == Names.EnumerableOfT
            && candidate.TypeArguments[0].SpecialType == SpecialType.System_String
            && candidate.TypeArguments[0].NullableAnnotation != NullableAnnotation.Annotated;

        return type is INamedTypeSymbol named && Matches(named) || type.AllInterfaces.Any(Matches);
    }

    private static bool IsInGenericType(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsGenericType)
            {
                return true;
            }
        }

        return false;
    }
}
