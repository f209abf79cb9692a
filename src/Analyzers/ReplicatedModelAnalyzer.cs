using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using OutboxGen.Analyzers.Shared;

namespace OutboxGen.Analyzers;

/// <summary>
/// Checks every class marked <c>[Replicated]</c> against the rules the generator applies before it emits the
/// model's identity accessors and dispatch; the generator skips a model that breaks one of them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReplicatedModelAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic property naming the handler an OBX103 diagnostic is about.</summary>
    public const string HandlerProperty = "Handler";

    /// <summary>The replication handler's name.</summary>
    public const string ReplicationHandler = "HandleReplicationAsync";

    /// <summary>The deletion handler's name.</summary>
    public const string DeletionHandler = "HandleDeletionAsync";

    /// <summary>The name of a control model's target-cell method.</summary>
    public const string TargetCellsMethod = "TargetCells";

    /// <summary>The name of the optional payload method.</summary>
    public const string PayloadMethod = "PayloadForUpdate";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.NotACategory,
        DiagnosticDescriptors.RetiredWrite,
        DiagnosticDescriptors.NotPartial,
        DiagnosticDescriptors.UnsupportedModelShape,
        DiagnosticDescriptors.UnknownSilo,
        DiagnosticDescriptors.MissingHandler,
        DiagnosticDescriptors.HandlerSignature,
        DiagnosticDescriptors.MissingShardKey,
        DiagnosticDescriptors.ShardKeyType,
        DiagnosticDescriptors.MissingKey,
        DiagnosticDescriptors.KeyType,
        DiagnosticDescriptors.ScopeWithoutShardKey);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (OutboxSymbols.TryCreate(start.Compilation) is { } symbols)
            {
                start.RegisterSymbolAction(c => AnalyzeType(c, symbols), SymbolKind.NamedType);
            }
        });
    }

    /// <summary>The integer types whose every value fits the 64-bit identifiers the outbox stores.</summary>
    public static bool IsIdentifierType(ITypeSymbol type) => type.SpecialType is SpecialType.System_SByte
        or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
        or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64;

    /// <summary>Whether every declaration of a source type carries the <c>partial</c> modifier.</summary>
    public static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Length > 0
        && type.DeclaringSyntaxReferences.All(reference =>
            reference.GetSyntax() is TypeDeclarationSyntax syntax
            && syntax.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword)));

    private static void AnalyzeType(SymbolAnalysisContext context, OutboxSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface))
        {
            return;
        }

        var attribute = symbols.Find(type, symbols.ReplicatedAttribute);
        ReportNotPartial(context, type, attribute is null ? NestedModel(type, symbols) : type);
        if (attribute is null)
        {
            return;
        }

        ReportShape(context, type);
        Declarations.ReportUnknownSilo(context, type, attribute);
        var model = new ModelCheck(context, type, symbols, attribute);
        model.Run();
    }

    private static void ReportNotPartial(SymbolAnalysisContext context, INamedTypeSymbol type, INamedTypeSymbol? model)
    {
        if (model is null || IsPartial(type))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.NotPartial,
            Declarations.NameLocation(type),
            type.Name,
            model.Name));
    }

    /// <summary>The first replicated model nested, at any depth, in a type.</summary>
    private static INamedTypeSymbol? NestedModel(INamedTypeSymbol type, OutboxSymbols symbols)
    {
        foreach (var nested in type.GetTypeMembers())
        {
            if (symbols.Find(nested, symbols.ReplicatedAttribute) is not null)
            {
                return nested;
            }

            if (NestedModel(nested, symbols) is { } deeper)
            {
                return deeper;
            }
        }

        return null;
    }

    private static void ReportShape(SymbolAnalysisContext context, INamedTypeSymbol type)
    {
        string? reason = null;
        if (type.IsGenericType)
        {
            reason = "generic";
        }
        else if (GenericContainer(type) is { } container)
        {
            var name = container.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            reason = $"nested in generic type '{name}'";
        }
        else if (Unreachable(type) is { } hidden)
        {
            reason = SymbolEqualityComparer.Default.Equals(hidden, type)
                ? "not reachable from generated code"
                : $"nested in '{hidden.Name}', which generated code cannot reach";
        }
        else if (type.IsStatic)
        {
            reason = "static";
        }
        else if (type.IsAbstract)
        {
            reason = "abstract";
        }

        if (reason is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.UnsupportedModelShape,
                Declarations.NameLocation(type),
                type.Name,
                reason));
        }
    }

    /// <summary>The type, itself or a containing one, that the generated registry cannot name.</summary>
    private static INamedTypeSymbol? Unreachable(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected
                or Accessibility.ProtectedAndInternal)
            {
                return current;
            }
        }

        return null;
    }

    private static INamedTypeSymbol? GenericContainer(INamedTypeSymbol type)
    {
        for (var current = type.ContainingType; current is not null; current = current.ContainingType)
        {
            if (current.IsGenericType)
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>The checks of one model that need its category, members and handlers.</summary>
    private sealed class ModelCheck(
        SymbolAnalysisContext context,
        INamedTypeSymbol type,
        OutboxSymbols symbols,
        AttributeData attribute)
    {
        private readonly Location _location = Declarations.NameLocation(type);

        public void Run()
        {
            if (ReadCategory() is { Scope: { Retired: false } scope })
            {
                CheckShardKey(scope);
            }

            CheckKey();
            CheckHandlers();
        }

        private CategoryInfo? ReadCategory()
        {
            if (attribute.ConstructorArguments.Length != 1
                || attribute.ConstructorArguments[0] is { Kind: TypedConstantKind.Error })
            {
                return null;
            }

            var argument = attribute.ConstructorArguments[0];
            var argumentLocation = Declarations.ArgumentLocation(attribute, type, context.CancellationToken);
            var category = argument.Kind == TypedConstantKind.Enum
                ? Declarations.FindCategory(argument.Type, argument.Value, symbols)
                : null;
            if (category is null)
            {
                Report(
                    DiagnosticDescriptors.NotACategory,
                    argumentLocation,
                    Declarations.Describe(argument.Type, argument.Value));
                return null;
            }

            var owner = $"Replicated model '{type.Name}'";
            if (category.Retired)
            {
                Report(DiagnosticDescriptors.RetiredWrite, argumentLocation, owner, "category", category.Field.Name);
            }

            if (category.Scope is { Retired: true } retiredScope)
            {
                Report(DiagnosticDescriptors.RetiredWrite, argumentLocation, owner, "scope", retiredScope.Field.Name);
            }

            return category;
        }

        private void CheckShardKey(ScopeInfo scope)
        {
            if (scope.ShardKey is not { Length: > 0 } shardKey)
            {
                Report(DiagnosticDescriptors.ScopeWithoutShardKey, _location, scope.Field.Name, type.Name);
                return;
            }

            var member = IdentifierMembers().FirstOrDefault(m => m.Symbol.Name == shardKey);
            if (member.Symbol is null)
            {
                Report(DiagnosticDescriptors.MissingShardKey, _location, type.Name, shardKey, scope.Field.Name);
            }
            else if (!IsIdentifierType(member.Type))
            {
                Report(
                    DiagnosticDescriptors.ShardKeyType,
                    MemberLocation(member.Symbol),
                    member.Symbol.Name,
                    type.Name,
                    member.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
            }
        }

        private void CheckKey()
        {
            var members = IdentifierMembers().ToList();
            var marked = symbols.KeyAttribute is null
                ? new List<(ISymbol Symbol, ITypeSymbol Type)>()
                : members.Where(m => symbols.Find(m.Symbol, symbols.KeyAttribute) is not null).ToList();
            var conventional = type.Name + "Id";
            var key = marked.Count switch
            {
                0 => members.FirstOrDefault(m => m.Symbol.Name == "Id") is { Symbol: not null } id
                    ? id
                    : members.FirstOrDefault(m => m.Symbol.Name == conventional),
                1 => marked[0],
                _ => default,
            };

            if (key.Symbol is null)
            {
                Report(DiagnosticDescriptors.MissingKey, _location, type.Name, conventional);
            }
            else if (!IsIdentifierType(key.Type))
            {
                Report(
                    DiagnosticDescriptors.KeyType,
                    MemberLocation(key.Symbol),
                    key.Symbol.Name,
                    type.Name,
                    key.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
            }
        }

        private void CheckHandlers()
        {
            var payloadMethods = Methods(PayloadMethod);
            var payload = payloadMethods.FirstOrDefault(m => !m.IsStatic && m.Parameters.Length == 0
                && !m.ReturnsVoid && m.Arity == 0 && m.DeclaredAccessibility == Accessibility.Public);
            if (payload is null && payloadMethods.Length > 0)
            {
                ReportSignature(payloadMethods[0], "public TPayload PayloadForUpdate()", Inherited(PayloadMethod));
            }

            CheckHandler(
                ReplicationHandler,
                "public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken)",
                m => !m.IsStatic && IsCallable(m) && m.Parameters.Length == 2
                    && OutboxSymbols.Is(m.Parameters[0].Type, symbols.ReplicationContext)
                    && OutboxSymbols.Is(m.Parameters[1].Type, symbols.CancellationToken));

            var deletionContext = payload is null
                ? "DeletionContext"
                : "DeletionContext<" + payload.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)
                    + ">";
            // A deletion handler that takes the payload of an inherited PayloadForUpdate does not match either.
            var inheritedPayload = payloadMethods.Length == 0 && Methods(DeletionHandler).Any(TakesPayload)
                ? Inherited(PayloadMethod)
                : null;
            CheckHandler(
                DeletionHandler,
                $"public static Task HandleDeletionAsync({deletionContext} context, "
                + "CancellationToken cancellationToken)",
                m => m.IsStatic && IsCallable(m) && m.Parameters.Length == 2
                    && IsDeletionContext(m.Parameters[0].Type, payload?.ReturnType)
                    && OutboxSymbols.Is(m.Parameters[1].Type, symbols.CancellationToken),
                inheritedPayload);

            if (Declarations.Silo(attribute) == 1)
            {
                CheckHandler(
                    TargetCellsMethod,
                    "public IEnumerable<string> TargetCells()",
                    m => !m.IsStatic && IsAccessible(m) && m.Arity == 0 && m.Parameters.Length == 0
                        && IsEnumerableOfString(m.ReturnType));
            }
        }

        /// <summary>Reports a handler the model does not declare, or declares with another signature.</summary>
        /// <param name="name">The handler's name.</param>
        /// <param name="signature">The signature the generated code calls.</param>
        /// <param name="matches">Whether a method the model declares has that signature.</param>
        /// <param name="inheritedPayload">
        /// The base type whose <c>PayloadForUpdate</c> the model inherits instead of declaring one, if any.
        /// </param>
        private void CheckHandler(
            string name,
            string signature,
            System.Func<IMethodSymbol, bool> matches,
            InheritedMember? inheritedPayload = null)
        {
            // The generator reads only the members the model declares, so a handler a base type declares is not
            // called; the messages say so when there is one, since the model then looks complete.
            var candidates = Methods(name);
            var inherited = Inherited(name);
            if (candidates.Length == 0)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.MissingHandler,
                    _location,
                    ImmutableDictionary<string, string?>.Empty.Add(HandlerProperty, name),
                    type.Name,
                    name,
                    signature,
                    inherited is null
                        ? ""
                        : $" to the model itself, as the generated code does not call the one '{inherited.Owner}' "
                            + "declares"));
            }
            else if (!candidates.Any(matches))
            {
                ReportSignature(candidates[0], signature, inherited ?? inheritedPayload);
            }
        }

        private void ReportSignature(IMethodSymbol method, string signature, InheritedMember? inherited) => Report(
            DiagnosticDescriptors.HandlerSignature,
            MemberLocation(method),
            method.Name,
            type.Name,
            signature,
            inherited switch
            {
                null => "",
                { Name: var name } when name == method.Name =>
                    $", as the generated code calls only the one the model declares, not the one '{inherited.Owner}' "
                        + "declares",
                _ => $", or declare {inherited.Name} on the model itself, as the generated code does not call the "
                    + $"one '{inherited.Owner}' declares",
            });

        private ImmutableArray<IMethodSymbol> Methods(string name) =>
            type.GetMembers(name).OfType<IMethodSymbol>().ToImmutableArray();

        /// <summary>The nearest base type that declares a method of the name, which the generator ignores.</summary>
        private InheritedMember? Inherited(string name)
        {
            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (current.GetMembers(name).OfType<IMethodSymbol>().Any())
                {
                    return new InheritedMember(
                        name,
                        current.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
                }
            }

            return null;
        }

        /// <summary>
        /// The public instance properties and fields the generator may read an identifier from, the type's own
        /// first and then its base types', each name once.
        /// </summary>
        private IEnumerable<(ISymbol Symbol, ITypeSymbol Type)> IdentifierMembers()
        {
            var seen = new HashSet<string>();
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public
                        || !seen.Add(member.Name))
                    {
                        continue;
                    }

                    var memberType = member switch
                    {
                        IPropertySymbol { GetMethod: not null, IsIndexer: false } property => property.Type,
                        IFieldSymbol field => field.Type,
                        _ => null,
                    };
                    if (memberType is not null)
                    {
                        yield return (member, memberType);
                    }
                }
            }
        }

        private bool IsCallable(IMethodSymbol method) =>
            IsAccessible(method) && method.Arity == 0
            && OutboxSymbols.Is(method.ReturnType, symbols.Task)
            && method.Parameters.All(p => p.RefKind == RefKind.None);

        private static bool IsAccessible(IMethodSymbol method) =>
            method.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal;

        private bool TakesPayload(IMethodSymbol method) =>
            method.Parameters.Length > 0
            && method.Parameters[0].Type is INamedTypeSymbol { TypeArguments.Length: 1 } named
            && OutboxSymbols.Is(named.OriginalDefinition, symbols.GenericDeletionContext);

        private bool IsDeletionContext(ITypeSymbol parameter, ITypeSymbol? payload)
        {
            if (payload is null)
            {
                return OutboxSymbols.Is(parameter, symbols.DeletionContext);
            }

            return parameter is INamedTypeSymbol { TypeArguments.Length: 1 } named
                && OutboxSymbols.Is(named.OriginalDefinition, symbols.GenericDeletionContext)
                && SymbolEqualityComparer.Default.Equals(named.TypeArguments[0], payload);
        }

        private static bool IsEnumerableOfString(ITypeSymbol type)
        {
            // A cell name may not be null: a sequence of string? is refused, as the generator refuses it.
            static bool Matches(INamedTypeSymbol candidate) =>
                candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
                && candidate.TypeArguments[0].SpecialType == SpecialType.System_String
                && candidate.TypeArguments[0].NullableAnnotation != NullableAnnotation.Annotated;

            return type is INamedTypeSymbol named && Matches(named) || type.AllInterfaces.Any(Matches);
        }

        private Location MemberLocation(ISymbol member) =>
            member.Locations.FirstOrDefault(l => l.IsInSource) is { } location
            && SymbolEqualityComparer.Default.Equals(member.ContainingType, type)
                ? location
                : _location;

        private void Report(DiagnosticDescriptor descriptor, Location location, params object[] arguments) =>
            context.ReportDiagnostic(Diagnostic.Create(descriptor, location, arguments));
    }

    /// <summary>A method of a model's base type that the generator does not use.</summary>
    private sealed record InheritedMember(string Name, string Owner);
}
