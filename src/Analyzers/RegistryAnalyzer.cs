using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using OutboxGen.Analyzers.Shared;

namespace OutboxGen.Analyzers;

/// <summary>
/// Checks the scope and category enums as the generator reads them, and that every category has exactly one
/// receiver per silo.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RegistryAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.CategoryWithoutScope,
        DiagnosticDescriptors.CategoryScopeNotAScope,
        DiagnosticDescriptors.CategoryScopeUndeclared,
        DiagnosticDescriptors.CategoryEnumMixesScopeEnums,
        DiagnosticDescriptors.DuplicateCategoryNumber,
        DiagnosticDescriptors.DuplicateScopeNumber,
        DiagnosticDescriptors.NumberOutsideIntRange,
        DiagnosticDescriptors.MissingReceiver,
        DiagnosticDescriptors.AmbiguousReceiver);

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

            var compilation = start.Compilation;
            var registry = new Lazy<SourceRegistry>(
                () => SourceRegistry.Build(compilation, symbols, CancellationToken.None),
                LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterSymbolAction(
                symbolContext => AnalyzeType(symbolContext, symbols, registry),
                SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, OutboxSymbols symbols, Lazy<SourceRegistry> registry)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind == TypeKind.Enum)
        {
            if (Declarations.IsCategoryEnum(type, symbols))
            {
                AnalyzeCategoryEnum(context, type, symbols, registry.Value);
            }

            if (Declarations.IsScopeEnum(type, symbols))
            {
                AnalyzeScopeEnum(context, type, symbols, registry.Value);
            }

            return;
        }

        if (type.GetAttributes().Length == 0 && !type.GetMembers().Any(m => m.GetAttributes().Length > 0))
        {
            return;
        }

        foreach (var claim in registry.Value.Claims)
        {
            var owner = claim.Owner as INamedTypeSymbol ?? claim.Owner.ContainingType;
            if (!SymbolEqualityComparer.Default.Equals(owner, type)
                || registry.Value.Rivals(claim).FirstOrDefault() is not { } rival)
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.AmbiguousReceiver,
                claim.Location,
                claim.OwnerName,
                claim.Category.Field.Name,
                Declarations.SiloName(claim.Silo),
                rival.OwnerName));
        }
    }

    private static void AnalyzeCategoryEnum(
        SymbolAnalysisContext context,
        INamedTypeSymbol type,
        OutboxSymbols symbols,
        SourceRegistry registry)
    {
        CategoryInfo? firstWithScopeEnum = null;
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>())
        {
            if (!field.HasConstantValue)
            {
                continue;
            }

            if (Declarations.ReadCategory(field, symbols) is not { } category)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.CategoryWithoutScope,
                    Declarations.NameLocation(field),
                    field.Name,
                    type.Name));
                continue;
            }

            var argumentLocation = Declarations.ArgumentLocation(
                category.Attribute,
                field,
                context.CancellationToken);
            ReportNumber(context, field, "Category");
            switch (category.Resolution)
            {
                case ScopeResolution.NotAScope:
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.CategoryScopeNotAScope,
                        argumentLocation,
                        field.Name));
                    break;
                case ScopeResolution.Undeclared:
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.CategoryScopeUndeclared,
                        argumentLocation,
                        field.Name,
                        category.ScopeValue.ToString(CultureInfo.InvariantCulture),
                        category.ScopeEnum!.Name));
                    break;
            }

            if (category.ScopeEnum is not null)
            {
                if (firstWithScopeEnum is null)
                {
                    firstWithScopeEnum = category;
                }
                else if (!SymbolEqualityComparer.Default.Equals(firstWithScopeEnum.ScopeEnum, category.ScopeEnum))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.CategoryEnumMixesScopeEnums,
                        argumentLocation,
                        field.Name,
                        category.ScopeEnum.Name,
                        firstWithScopeEnum.Field.Name,
                        firstWithScopeEnum.ScopeEnum!.Name));
                }
            }

            var first = registry.Categories.FirstOrDefault(c => c.Value == category.Value);
            if (first is not null && !SymbolEqualityComparer.Default.Equals(first.Field, field))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.DuplicateCategoryNumber,
                    Declarations.NameLocation(field),
                    field.Name,
                    category.Value.ToString(CultureInfo.InvariantCulture),
                    QualifiedName(first.Field, field)));
            }

            if (!category.Retired && category.Scope?.Retired != true && !registry.IsClaimed(category))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.MissingReceiver,
                    Declarations.NameLocation(field),
                    field.Name));
            }
        }
    }

    private static void AnalyzeScopeEnum(
        SymbolAnalysisContext context,
        INamedTypeSymbol type,
        OutboxSymbols symbols,
        SourceRegistry registry)
    {
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>())
        {
            if (Declarations.ReadScope(field, symbols) is not { } scope)
            {
                continue;
            }

            ReportNumber(context, field, "Scope");
            var first = registry.Scopes.FirstOrDefault(s => s.Value == scope.Value);
            if (first is not null && !SymbolEqualityComparer.Default.Equals(first.Field, field))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.DuplicateScopeNumber,
                    Declarations.NameLocation(field),
                    field.Name,
                    scope.Value.ToString(CultureInfo.InvariantCulture),
                    QualifiedName(first.Field, field)));
            }
        }
    }

    private static void ReportNumber(SymbolAnalysisContext context, IFieldSymbol field, string kind)
    {
        if (!Declarations.FitsInt(field.ConstantValue))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.NumberOutsideIntRange,
                Declarations.NameLocation(field),
                kind,
                field.Name,
                Convert.ToString(field.ConstantValue, CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>A member's name, qualified with its enum when that differs from the enum of the other member.</summary>
    private static string QualifiedName(IFieldSymbol member, IFieldSymbol other) =>
        SymbolEqualityComparer.Default.Equals(member.ContainingType, other.ContainingType)
            ? member.Name
            : member.ContainingType.Name + "." + member.Name;
}
