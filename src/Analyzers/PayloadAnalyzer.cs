using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using OutboxGen.Analyzers.Shared;
using OutboxGen.Generator.Payloads;

namespace OutboxGen.Analyzers;

/// <summary>
/// Checks every payload type the generator meets (a replicated model's <c>PayloadForUpdate</c> result, a receiver's
/// payload parameter) with the generator's own classification, and reports what keeps it from generated code: the
/// generator then leaves that payload to System.Text.Json's reflection path.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PayloadAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.UnsupportedPayloadType,
        DiagnosticDescriptors.PayloadConstructor,
        DiagnosticDescriptors.DuplicatePayloadName,
        DiagnosticDescriptors.PayloadAttributeNotHonoured);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (OutboxSymbols.TryCreate(start.Compilation) is not { } symbols)
            {
                return;
            }

            // Several roots can reach one member; each problem is reported once.
            var reported = new ConcurrentDictionary<(string Id, Location Location), bool>();
            start.RegisterSymbolAction(c => AnalyzeModel(c, symbols, reported), SymbolKind.NamedType);
            start.RegisterSymbolAction(c => AnalyzeReceiver(c, symbols, reported), SymbolKind.Method);
        });
    }

    private static void AnalyzeModel(
        SymbolAnalysisContext context,
        OutboxSymbols symbols,
        ConcurrentDictionary<(string, Location), bool> reported)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (symbols.Find(type, symbols.ReplicatedAttribute) is null)
        {
            return;
        }

        var method = type.GetMembers("PayloadForUpdate").OfType<IMethodSymbol>()
            .FirstOrDefault(m => !m.IsStatic && m.Parameters.Length == 0 && !m.ReturnsVoid && m.Arity == 0
                && m.DeclaredAccessibility == Accessibility.Public);
        if (method is null || method.ReturnType.TypeKind == TypeKind.Error)
        {
            return;
        }

        var location = method.DeclaringSyntaxReferences
            .Select(r => r.GetSyntax(context.CancellationToken))
            .OfType<MethodDeclarationSyntax>()
            .Select(s => s.ReturnType.GetLocation())
            .FirstOrDefault() ?? Declarations.NameLocation(method);
        Analyze(context, method.ReturnType, new Root(method.Name, location, "return"), reported);
    }

    private static void AnalyzeReceiver(
        SymbolAnalysisContext context,
        OutboxSymbols symbols,
        ConcurrentDictionary<(string, Location), bool> reported)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.Parameters.Length == 0 || symbols.Find(method, symbols.ReceiverAttribute) is null)
        {
            return;
        }

        var parameter = method.Parameters[0];
        if (parameter.Type.TypeKind == TypeKind.Error)
        {
            return;
        }

        var location = parameter.DeclaringSyntaxReferences
            .Select(r => r.GetSyntax(context.CancellationToken))
            .OfType<ParameterSyntax>()
            .Select(s => s.Type?.GetLocation())
            .FirstOrDefault() ?? Declarations.NameLocation(method);
        var payload = parameter.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        Analyze(context, payload, new Root(parameter.Name, location, "take"), reported);
    }

    private static void Analyze(
        SymbolAnalysisContext context,
        ITypeSymbol payload,
        Root root,
        ConcurrentDictionary<(string, Location), bool> reported)
    {
        var graph = PayloadClassifier.Classify(payload, context.Compilation);
        var payloadName = payload.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        foreach (var problem in graph.Problems)
        {
            var diagnostic = Create(problem, root, payloadName, context.Compilation);
            if (reported.TryAdd((diagnostic.Id, diagnostic.Location), true))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }
    }

    private static Diagnostic Create(PayloadProblem problem, Root root, string payloadName, Compilation compilation)
    {
        var rootName = root.Name;
        var rootLocation = root.Location;
        var typeName = problem.Type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        var memberName = problem.Member is null
            ? rootName
            : problem.Member.ContainingType.Name + "." + problem.Member.Name;
        var memberLocation = SourceLocation(problem.Member, compilation);
        var typeLocation = SourceLocation(problem.Type, compilation);
        return problem.Kind switch
        {
            PayloadProblemKind.NoUsableConstructor => Diagnostic.Create(
                DiagnosticDescriptors.PayloadConstructor,
                typeLocation ?? memberLocation ?? rootLocation,
                typeName,
                problem.Detail),
            PayloadProblemKind.DuplicateJsonName => Diagnostic.Create(
                DiagnosticDescriptors.DuplicatePayloadName,
                memberLocation ?? typeLocation ?? rootLocation,
                problem.Member?.Name ?? rootName,
                typeName,
                problem.Detail),
            PayloadProblemKind.AttributeNotHonoured => Diagnostic.Create(
                DiagnosticDescriptors.PayloadAttributeNotHonoured,
                (problem.OnType ? typeLocation : memberLocation) ?? memberLocation ?? rootLocation,
                problem.OnType ? typeName : memberName,
                problem.Detail,
                payloadName),
            _ => Diagnostic.Create(
                DiagnosticDescriptors.UnsupportedPayloadType,
                memberLocation ?? rootLocation,
                memberName,
                typeName,
                problem.Detail,
                Remedy(problem, root, memberLocation is not null)),
        };
    }

    /// <summary>What to do about an unsupported type, fitting the place the diagnostic is reported at.</summary>
    private static string Remedy(PayloadProblem problem, Root root, bool memberInSource)
    {
        if (memberInSource)
        {
            return "use a supported type or mark the member [JsonIgnore]";
        }

        return problem.Member is null
            ? $"{root.Verb} a supported payload type instead"
            : $"{root.Verb} a payload type that does not reach this member, which is declared outside the project";
    }

    /// <summary>
    /// Where a payload type is met: the receiver's parameter or the model's <c>PayloadForUpdate</c>, with the verb
    /// that says how it names the payload type (<c>take</c>, <c>return</c>).
    /// </summary>
    private sealed record Root(string Name, Location Location, string Verb);

    private static Location? SourceLocation(ISymbol? symbol, Compilation compilation) =>
        symbol?.Locations.FirstOrDefault(l => l.IsInSource && compilation.ContainsSyntaxTree(l.SourceTree!));
}
