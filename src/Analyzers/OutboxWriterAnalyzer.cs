using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using OutboxGen.Analyzers.Shared;

namespace OutboxGen.Analyzers;

/// <summary>
/// Checks explicit messages written with <c>AddOutboxMessage</c> whose scope and category are constants: what
/// the runtime would refuse when the save runs.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OutboxWriterAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.NotACategory,
        DiagnosticDescriptors.RetiredWrite,
        DiagnosticDescriptors.WriterCategoryNotInScope);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (OutboxSymbols.TryCreate(start.Compilation) is { WriterExtensions: not null } symbols)
            {
                start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols), OperationKind.Invocation);
            }
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, OutboxSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!WriterCalls.IsWriterCall(invocation, symbols))
        {
            return;
        }

        var scopeArgument = WriterCalls.Argument(invocation, "scope");
        var categoryArgument = WriterCalls.Argument(invocation, "category");
        if (categoryArgument is null || !categoryArgument.ConstantValue.HasValue)
        {
            return;
        }

        var location = categoryArgument.Syntax.GetLocation();
        var category = Declarations.FindCategory(
            categoryArgument.Type,
            categoryArgument.ConstantValue.Value,
            symbols);
        if (category is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.NotACategory,
                location,
                Declarations.Describe(categoryArgument.Type, categoryArgument.ConstantValue.Value)));
            return;
        }

        const string Owner = "This message";
        if (category.Retired)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.RetiredWrite,
                location,
                Owner,
                "category",
                category.Field.Name));
        }

        if (scopeArgument is not { ConstantValue.HasValue: true }
            || scopeArgument.Type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } scopeEnum)
        {
            return;
        }

        var scope = Declarations.FindScope(
            scopeEnum,
            Declarations.ToInt64(scopeArgument.ConstantValue.Value),
            symbols);
        if (scope is { Retired: true })
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.RetiredWrite,
                scopeArgument.Syntax.GetLocation(),
                Owner,
                "scope",
                scope.Field.Name));
        }

        if (category.Resolution == ScopeResolution.Declared
            && (!SymbolEqualityComparer.Default.Equals(category.ScopeEnum, scopeEnum)
                || category.ScopeValue != Declarations.ToInt64(scopeArgument.ConstantValue.Value)))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.WriterCategoryNotInScope,
                location,
                category.Field.Name,
                category.Scope!.Field.Name,
                scope?.Field.Name ?? Declarations.Describe(scopeEnum, scopeArgument.ConstantValue.Value).Trim('\'')));
        }
    }
}
