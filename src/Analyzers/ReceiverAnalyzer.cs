using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using OutboxGen.Analyzers.Shared;

namespace OutboxGen.Analyzers;

/// <summary>
/// Checks every method marked <c>[OutboxReceiver]</c>: the category it names, and a shape the generated dispatch
/// can call. The generator leaves a receiver it cannot call out of the dispatch table.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReceiverAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.NotACategory,
        DiagnosticDescriptors.RetiredReceiver,
        DiagnosticDescriptors.ReceiverSignature,
        DiagnosticDescriptors.ReceiverGeneric,
        DiagnosticDescriptors.UnknownSilo);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (OutboxSymbols.TryCreate(start.Compilation) is { } symbols)
            {
                start.RegisterSymbolAction(c => AnalyzeMethod(c, symbols), SymbolKind.Method);
            }
        });
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, OutboxSymbols symbols)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (symbols.Find(method, symbols.ReceiverAttribute) is not { } attribute)
        {
            return;
        }

        CheckCategory(context, method, attribute, symbols);
        Declarations.ReportUnknownSilo(context, method, attribute);
        var location = Declarations.NameLocation(method);
        if (method.IsGenericMethod || InGenericType(method))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ReceiverGeneric, location, method.Name));
            return;
        }

        if (SignatureProblem(method, symbols) is { } problem)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.ReceiverSignature,
                location,
                method.Name,
                problem));
        }
    }

    private static void CheckCategory(
        SymbolAnalysisContext context,
        IMethodSymbol method,
        AttributeData attribute,
        OutboxSymbols symbols)
    {
        if (attribute.ConstructorArguments.Length != 1
            || attribute.ConstructorArguments[0] is { Kind: TypedConstantKind.Error })
        {
            return;
        }

        var argument = attribute.ConstructorArguments[0];
        var location = Declarations.ArgumentLocation(attribute, method, context.CancellationToken);
        var category = argument.Kind == TypedConstantKind.Enum
            ? Declarations.FindCategory(argument.Type, argument.Value, symbols)
            : null;
        if (category is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.NotACategory,
                location,
                Declarations.Describe(argument.Type, argument.Value)));
            return;
        }

        if (category.Retired)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.RetiredReceiver,
                location,
                method.Name,
                "category",
                category.Field.Name));
        }
        else if (category.Scope is { Retired: true } scope)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.RetiredReceiver,
                location,
                method.Name,
                "scope",
                scope.Field.Name));
        }
    }

    private static string? SignatureProblem(IMethodSymbol method, OutboxSymbols symbols)
    {
        if (!method.IsStatic)
        {
            return "is not static";
        }

        if (method.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal))
        {
            return "is neither public nor internal";
        }

        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected
                or Accessibility.ProtectedAndInternal)
            {
                return $"is declared in '{type.Name}', which generated code cannot reach";
            }
        }

        if (!OutboxSymbols.Is(method.ReturnType, symbols.Task))
        {
            return "does not return Task";
        }

        if (method.Parameters.Length != 3)
        {
            return "does not take three parameters";
        }

        if (method.Parameters.Any(p => p.RefKind != RefKind.None || p.IsParams))
        {
            return "has a ref, in, out or params parameter";
        }

        if (method.Parameters[0].Type is IPointerTypeSymbol or IFunctionPointerTypeSymbol)
        {
            return "takes a pointer as its payload";
        }

        if (!OutboxSymbols.Is(method.Parameters[1].Type, symbols.OutboxMessage))
        {
            return "does not take an OutboxMessage as its second parameter";
        }

        if (!OutboxSymbols.Is(method.Parameters[2].Type, symbols.CancellationToken))
        {
            return "does not take a CancellationToken as its third parameter";
        }

        return null;
    }

    private static bool InGenericType(IMethodSymbol method)
    {
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.IsGenericType)
            {
                return true;
            }
        }

        return false;
    }
}
