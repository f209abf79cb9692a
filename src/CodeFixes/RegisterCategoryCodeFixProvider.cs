using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using OutboxGen.Analyzers;
using OutboxGen.Analyzers.Shared;

namespace OutboxGen.CodeFixes;

/// <summary>
/// Registers a category under a declared scope, one action per scope: adds <c>[OutboxCategory]</c> to a member
/// that has none (OBX001), or replaces a scope argument that names no declared scope (OBX002, OBX003).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RegisterCategoryCodeFixProvider))]
[Shared]
public sealed class RegisterCategoryCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.CategoryWithoutScope.Id,
        DiagnosticDescriptors.CategoryScopeNotAScope.Id,
        DiagnosticDescriptors.CategoryScopeUndeclared.Id);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || OutboxSymbols.TryCreate(model.Compilation) is not { } symbols)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var member = node.AncestorsAndSelf().OfType<EnumMemberDeclarationSyntax>().FirstOrDefault();
            var argument = node.AncestorsAndSelf().OfType<AttributeArgumentSyntax>().FirstOrDefault();
            if (member is null || model.GetDeclaredSymbol(member, context.CancellationToken) is not { } field)
            {
                continue;
            }

            var scopes = Candidates(field.ContainingType, model.Compilation, symbols, context.CancellationToken);
            foreach (var scope in scopes)
            {
                var title = $"Register under scope '{scope.Field.Name}'";
                var expression = SyntaxFactory.ParseExpression(
                        scope.Field.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)
                        + "." + scope.Field.Name)
                    .WithAdditionalAnnotations(Simplifier.Annotation);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title,
                        token => RegisterAsync(context.Document, member, argument, expression, token),
                        equivalenceKey: title),
                    diagnostic);
            }
        }
    }

    /// <summary>
    /// The scopes to offer: those of the scope enum the enum's other categories already use, else every declared
    /// scope of the compilation's sources; retired scopes are left out.
    /// </summary>
    private static IEnumerable<ScopeInfo> Candidates(
        INamedTypeSymbol categoryEnum,
        Compilation compilation,
        OutboxSymbols symbols,
        CancellationToken cancellationToken)
    {
        var used = categoryEnum.GetMembers().OfType<IFieldSymbol>()
            .Select(f => Declarations.ReadCategory(f, symbols))
            .FirstOrDefault(c => c?.Resolution == ScopeResolution.Declared)?.ScopeEnum;
        var scopes = used is null
            ? SourceRegistry.Build(compilation, symbols, cancellationToken).Scopes
            : used.GetMembers().OfType<IFieldSymbol>()
                .Select(f => Declarations.ReadScope(f, symbols))
                .OfType<ScopeInfo>()
                .ToImmutableArray();
        return scopes.Where(s => !s.Retired);
    }

    private static async Task<Document> RegisterAsync(
        Document document,
        EnumMemberDeclarationSyntax member,
        AttributeArgumentSyntax? argument,
        ExpressionSyntax scope,
        CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        SyntaxNode updated;
        if (argument is not null)
        {
            updated = root.ReplaceNode(argument.Expression, scope.WithTriviaFrom(argument.Expression));
        }
        else
        {
            // Parsed rather than built, so that no elastic trivia asks the formatter to put the attribute on a line
            // of its own.
            var parsed = (EnumDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(
                $"enum E {{ [global::OutboxGen.OutboxCategory({scope.ToFullString()})] M }}")!;
            var list = parsed.Members[0].AttributeLists[0]
                .WithAdditionalAnnotations(Simplifier.Annotation)
                .WithLeadingTrivia(member.GetLeadingTrivia())
                .WithTrailingTrivia(SyntaxFactory.Space);
            var registered = member.WithoutLeadingTrivia()
                .WithAttributeLists(member.AttributeLists.Insert(0, list));

            updated = root.ReplaceNode(member, registered);
        }

        var changed = document.WithSyntaxRoot(updated);
        return await Simplifier.ReduceAsync(changed, Simplifier.Annotation, null, cancellationToken)
            .ConfigureAwait(false);
    }
}
