using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using OutboxGen.Analyzers.Shared;

namespace OutboxGen.Analyzers;

/// <summary>
/// Finds EF Core operations that change a replicated model's rows without going through <c>SaveChanges</c>, so
/// the outbox interceptor never sees them: bulk updates and deletes, and raw SQL that writes.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BulkOperationAnalyzer : DiagnosticAnalyzer
{
    private const string EntityFrameworkNamespace = "Microsoft.EntityFrameworkCore";

    private static readonly ImmutableHashSet<string> BulkMethods = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "ExecuteUpdate",
        "ExecuteUpdateAsync",
        "ExecuteDelete",
        "ExecuteDeleteAsync");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.BulkOperation,
        DiagnosticDescriptors.RawSqlWrite);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (OutboxSymbols.TryCreate(start.Compilation) is not { DbContext: not null } symbols)
            {
                return;
            }

            var compilation = start.Compilation;
            var tables = new Lazy<IReadOnlyDictionary<string, INamedTypeSymbol>>(
                () => ReplicatedTables(compilation, symbols),
                LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols, tables), OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(
        OperationAnalysisContext context,
        OutboxSymbols symbols,
        Lazy<IReadOnlyDictionary<string, INamedTypeSymbol>> tables)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.ContainingNamespace?.ToDisplayString() != EntityFrameworkNamespace)
        {
            return;
        }

        if (BulkMethods.Contains(method.Name))
        {
            if (ReplicatedEntity(method, symbols) is { } entity)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.BulkOperation,
                    NameLocation(invocation),
                    method.Name,
                    entity.Name));
            }

            return;
        }

        if (method.Name.StartsWith("FromSql", StringComparison.Ordinal))
        {
            if (ReplicatedEntity(method, symbols) is { } entity
                && SqlText(invocation) is { } sql
                && SqlWrites.Tables(sql).FirstOrDefault() is { } table)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.RawSqlWrite,
                    NameLocation(invocation),
                    method.Name,
                    table,
                    entity.Name));
            }

            return;
        }

        if (method.Name.StartsWith("ExecuteSql", StringComparison.Ordinal) && SqlText(invocation) is { } written)
        {
            foreach (var table in SqlWrites.Tables(written))
            {
                if (tables.Value.TryGetValue(table, out var model))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.RawSqlWrite,
                        NameLocation(invocation),
                        method.Name,
                        table,
                        model.Name));
                    return;
                }
            }
        }
    }

    private static INamedTypeSymbol? ReplicatedEntity(IMethodSymbol method, OutboxSymbols symbols) =>
        method.TypeArguments.FirstOrDefault() is INamedTypeSymbol entity
        && symbols.Find(entity, symbols.ReplicatedAttribute) is not null
            ? entity
            : null;

    private static string? SqlText(IInvocationOperation invocation)
    {
        var argument = invocation.Arguments.FirstOrDefault(a =>
            a.Parameter is { Ordinal: > 0 } parameter
            && (parameter.Type.SpecialType == SpecialType.System_String
                || parameter.Type.Name == nameof(FormattableString)));
        return SqlWrites.Text(argument?.Value);
    }

    private static Location NameLocation(IInvocationOperation invocation) =>
        invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
            ? access.Name.GetLocation()
            : invocation.Syntax.GetLocation();

    /// <summary>
    /// The table names a replicated model may have under EF Core's conventions: its <c>[Table]</c> name, or else
    /// its type name and the names of the <c>DbSet</c> properties that expose it. Names set with the fluent
    /// <c>ToTable</c> are not seen.
    /// </summary>
    private static IReadOnlyDictionary<string, INamedTypeSymbol> ReplicatedTables(
        Compilation compilation,
        OutboxSymbols symbols)
    {
        var types = Declarations.SourceTypes(compilation).ToList();
        var tables = new Dictionary<string, INamedTypeSymbol>(StringComparer.OrdinalIgnoreCase);
        var models = types.Where(t => symbols.Find(t, symbols.ReplicatedAttribute) is not null).ToList();
        foreach (var model in models)
        {
            if (symbols.TableAttribute is not null
                && symbols.Find(model, symbols.TableAttribute) is { ConstructorArguments.Length: 1 } table
                && table.ConstructorArguments[0].Value is string name)
            {
                tables[name] = model;
                continue;
            }

            tables[model.Name] = model;
        }

        foreach (var context in types.Where(t => InheritsFrom(t, symbols.DbContext!)))
        {
            foreach (var property in context.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.Type is INamedTypeSymbol { TypeArguments.Length: 1 } set
                    && set.TypeArguments[0] is INamedTypeSymbol entity
                    && OutboxSymbols.Is(set.OriginalDefinition, symbols.DbSet)
                    && models.Contains(entity, SymbolEqualityComparer.Default)
                    && !HasTableAttribute(entity, symbols))
                {
                    tables[property.Name] = entity;
                }
            }
        }

        return tables;
    }

    private static bool HasTableAttribute(INamedTypeSymbol entity, OutboxSymbols symbols) =>
        symbols.TableAttribute is not null && symbols.Find(entity, symbols.TableAttribute) is not null;

    private static bool InheritsFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
