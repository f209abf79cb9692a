using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using OutboxGen.Analyzers.Shared;

namespace OutboxGen.Analyzers;

/// <summary>
/// Finds a drain called while a transaction begun earlier in the same method is still open: a database
/// transaction from <c>BeginTransaction</c>, or a <c>TransactionScope</c>. The analysis reads the method's text in
/// order and does not follow branches: a commit anywhere before the drain counts as closing the transaction.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DrainInTransactionAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableHashSet<string> Openers =
        ImmutableHashSet.Create("BeginTransaction", "BeginTransactionAsync");

    private static readonly ImmutableHashSet<string> LocalClosers =
        ImmutableHashSet.Create("Commit", "CommitAsync", "Rollback", "RollbackAsync", "Dispose", "DisposeAsync");

    private static readonly ImmutableHashSet<string> ContextClosers = ImmutableHashSet.Create(
        "CommitTransaction",
        "CommitTransactionAsync",
        "RollbackTransaction",
        "RollbackTransactionAsync");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DrainInTransaction);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (OutboxSymbols.TryCreate(start.Compilation) is { Drainer: not null } symbols)
            {
                start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols), OperationKind.Invocation);
            }
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, OutboxSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        var isDrain = method.Name == "DrainAsync" && OutboxSymbols.Is(method.ContainingType, symbols.Drainer)
            || method.Name == "DrainUntilEmptyAsync" && OutboxSymbols.Is(method.ContainingType, symbols.TestDrain);
        if (!isDrain || invocation.SemanticModel is not { } model || EnclosingBody(invocation.Syntax) is not { } body)
        {
            return;
        }

        var drain = invocation.Syntax;
        var nodes = body.DescendantNodes(n => n == body || !IsFunction(n))
            .Where(n => n.Span.End <= drain.SpanStart)
            .ToList();
        foreach (var node in nodes)
        {
            if (!IsOpener(node, model, symbols, context))
            {
                continue;
            }

            var transaction = Transaction.Of(node, body, model, context);
            if (transaction is null
                || drain.SpanStart < transaction.RegionStart
                || drain.Span.End > transaction.RegionEnd
                || nodes.Any(n => n.SpanStart >= node.Span.End && transaction.IsClosedBy(n, model, context)))
            {
                continue;
            }

            var line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.DrainInTransaction,
                NameLocation(drain),
                method.Name,
                line.ToString(CultureInfo.InvariantCulture)));
            return;
        }
    }

    private static bool IsOpener(
        SyntaxNode node,
        SemanticModel model,
        OutboxSymbols symbols,
        OperationAnalysisContext context)
    {
        if (node is InvocationExpressionSyntax call && Openers.Contains(NameOf(call) ?? ""))
        {
            return model.GetSymbolInfo(call, context.CancellationToken).Symbol is IMethodSymbol;
        }

        return node is BaseObjectCreationExpressionSyntax creation
            && OutboxSymbols.Is(model.GetTypeInfo(creation, context.CancellationToken).Type, symbols.TransactionScope);
    }

    private static string? NameOf(InvocationExpressionSyntax call) => call.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        IdentifierNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };

    private static Location NameLocation(SyntaxNode call) =>
        call is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
            ? access.Name.GetLocation()
            : call.GetLocation();

    private static bool IsFunction(SyntaxNode node) => node is AnonymousFunctionExpressionSyntax
        or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax;

    private static SyntaxNode? EnclosingBody(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (IsFunction(current) || current is CompilationUnitSyntax)
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>A transaction begun in the body: where it is open and what closes it.</summary>
    private sealed class Transaction(ISymbol? holder, int regionStart, int regionEnd)
    {
        public int RegionStart { get; } = regionStart;

        public int RegionEnd { get; } = regionEnd;

        public static Transaction? Of(
            SyntaxNode opener,
            SyntaxNode body,
            SemanticModel model,
            OperationAnalysisContext context)
        {
            var node = opener;
            while (true)
            {
                if (node.Parent is AwaitExpressionSyntax awaited)
                {
                    node = awaited;
                }
                else if (node.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" }
                    && node.Parent.Parent is InvocationExpressionSyntax configured)
                {
                    node = configured;
                }
                else
                {
                    break;
                }
            }

            var end = body.Span.End;
            switch (node.Parent)
            {
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                    var local = model.GetDeclaredSymbol(declarator, context.CancellationToken);
                    return declarator.Parent?.Parent switch
                    {
                        UsingStatementSyntax statement =>
                            new Transaction(local, statement.Statement.SpanStart, statement.Statement.Span.End),
                        LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0 } declaration =>
                            new Transaction(local, declaration.Span.End, ScopeEnd(declaration)),
                        LocalDeclarationStatementSyntax declaration =>
                            new Transaction(local, declaration.Span.End, end),
                        _ => null,
                    };
                case UsingStatementSyntax statement:
                    return new Transaction(null, statement.Statement.SpanStart, statement.Statement.Span.End);
                case ExpressionStatementSyntax statement:
                    return new Transaction(null, statement.Span.End, end);
                case AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax statement } assignment
                    when assignment.Right == node:
                    var target = model.GetSymbolInfo(assignment.Left, context.CancellationToken).Symbol;
                    return target is ILocalSymbol ? new Transaction(target, statement.Span.End, end) : null;
                default:
                    return null;
            }
        }

        public bool IsClosedBy(SyntaxNode node, SemanticModel model, OperationAnalysisContext context)
        {
            if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access })
            {
                return false;
            }

            var name = access.Name.Identifier.ValueText;
            if (holder is null)
            {
                return ContextClosers.Contains(name);
            }

            return LocalClosers.Contains(name)
                && SymbolEqualityComparer.Default.Equals(
                    model.GetSymbolInfo(access.Expression, context.CancellationToken).Symbol,
                    holder);
        }

        private static int ScopeEnd(SyntaxNode declaration) => declaration.Parent switch
        {
            GlobalStatementSyntax global => global.Parent?.Span.End ?? global.Span.End,
            { } parent => parent.Span.End,
            _ => declaration.Span.End,
        };
    }
}
