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
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using OutboxGen.Analyzers;

namespace OutboxGen.CodeFixes;

/// <summary>Adds every handler a replicated model lacks, with the signature the generator calls (OBX103).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddHandlerStubsCodeFixProvider))]
[Shared]
public sealed class AddHandlerStubsCodeFixProvider : CodeFixProvider
{
    private const string Title = "Add the missing handler stubs";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.MissingHandler.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var diagnostic = context.Diagnostics.First();
        var declaration = root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?
            .AncestorsAndSelf().OfType<ClassDeclarationSyntax>().FirstOrDefault();
        if (declaration is null)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                Title,
                token => AddStubsAsync(context.Document, declaration, token),
                equivalenceKey: Title),
            context.Diagnostics);
    }

    private static async Task<Document> AddStubsAsync(
        Document document,
        ClassDeclarationSyntax declaration,
        CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model?.GetDeclaredSymbol(declaration, cancellationToken) is not { } type)
        {
            return document;
        }

        // Each stub starts with an empty line to set it off from the member before it; the formatter indents it.
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var newLine = root?.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToString();
        newLine = string.IsNullOrEmpty(newLine) ? "\n" : newLine;
        var stubs = Stubs(type)
            .Select(text => SyntaxFactory.ParseMemberDeclaration(newLine + text.Replace("\n", newLine) + newLine)!
                .WithAdditionalAnnotations(
                    Formatter.Annotation,
                    Simplifier.Annotation,
                    Simplifier.AddImportsAnnotation))
            .ToList();
        if (stubs.Count == 0)
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.ReplaceNode(declaration, declaration.AddMembers(stubs.ToArray()));
        var changed = editor.GetChangedDocument();
        changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, null, cancellationToken)
            .ConfigureAwait(false);
        changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, null, cancellationToken)
            .ConfigureAwait(false);
        return await Formatter.FormatAsync(changed, Formatter.Annotation, null, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The stubs of the handlers the model has no method for, in fully qualified names.</summary>
    private static IEnumerable<string> Stubs(INamedTypeSymbol type)
    {
        const string Task = "global::System.Threading.Tasks.Task";
        const string Token = "global::System.Threading.CancellationToken cancellationToken";
        const string Body = "\n{\n    throw new global::System.NotImplementedException();\n}";

        if (type.GetMembers(ReplicatedModelAnalyzer.ReplicationHandler).IsEmpty)
        {
            var hiding = Hides(type, ReplicatedModelAnalyzer.ReplicationHandler, "ReplicationContext") ? "new " : "";
            yield return $"public {hiding}{Task} {ReplicatedModelAnalyzer.ReplicationHandler}("
                + $"global::OutboxGen.ReplicationContext context, {Token}){Body}";
        }

        if (type.GetMembers(ReplicatedModelAnalyzer.DeletionHandler).IsEmpty)
        {
            var payload = type.GetMembers(ReplicatedModelAnalyzer.PayloadMethod).OfType<IMethodSymbol>()
                .FirstOrDefault(m => !m.IsStatic && m.Parameters.Length == 0 && !m.ReturnsVoid && m.Arity == 0
                    && m.DeclaredAccessibility == Accessibility.Public);
            var context = payload is null
                ? "global::OutboxGen.DeletionContext"
                : "global::OutboxGen.DeletionContext<"
                    + payload.ReturnType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ">";
            // With a payload type the signature outgrows a line, so its parameters go on lines of their own.
            var separator = payload is null ? " " : "\n    ";
            var hiding = Hides(type, ReplicatedModelAnalyzer.DeletionHandler, "DeletionContext") ? "new " : "";
            yield return $"public {hiding}static {Task} {ReplicatedModelAnalyzer.DeletionHandler}("
                + $"{separator.TrimStart(' ')}{context} context,{separator}{Token}){Body}";
        }

        if (IsControlModel(type) && type.GetMembers(ReplicatedModelAnalyzer.TargetCellsMethod).IsEmpty)
        {
            yield return "public global::System.Collections.Generic.IEnumerable<string> "
                + $"{ReplicatedModelAnalyzer.TargetCellsMethod}(){Body}";
        }
    }

    /// <summary>
    /// Whether a base class declares a method the stub would hide (the same name, a first parameter of the same
    /// context type, then a token), so the stub says <c>new</c> instead of drawing warning CS0108.
    /// </summary>
    private static bool Hides(INamedTypeSymbol type, string name, string contextType)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.GetMembers(name).OfType<IMethodSymbol>().Any(m => m.Parameters.Length == 2
                && m.Parameters[0].Type.Name == contextType
                && m.Parameters[1].Type.Name == "CancellationToken"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsControlModel(INamedTypeSymbol type) => type.GetAttributes().Any(a =>
        a.AttributeClass?.ToDisplayString() == "OutboxGen.ReplicatedAttribute"
        && a.NamedArguments.Any(n => n.Key == "Silo" && n.Value.Value is 1));
}
