using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OutboxGen.Generator.Emitting;
using OutboxGen.Generator.Model;
using OutboxGen.Generator.Parsing;

namespace OutboxGen.Generator;

/// <summary>
/// Emits the category registry, the identity accessors of every replicated model and the dispatch tables from
/// <c>[OutboxScope]</c>, <c>[OutboxCategory]</c>, <c>[Replicated]</c> and <c>[OutboxReceiver]</c>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OutboxGenerator : IIncrementalGenerator
{
    /// <summary>Names of the pipeline steps, for caching tests.</summary>
    public static class Steps
    {
        /// <summary>Scope enum members.</summary>
        public const string Scopes = nameof(Scopes);

        /// <summary>Category enum members.</summary>
        public const string Categories = nameof(Categories);

        /// <summary>Scopes and categories together.</summary>
        public const string Declarations = nameof(Declarations);

        /// <summary>Classes marked <c>[Replicated]</c>.</summary>
        public const string ReplicatedModels = nameof(ReplicatedModels);

        /// <summary>Replicated models joined with their scope, or null when skipped.</summary>
        public const string ResolvedModels = nameof(ResolvedModels);

        /// <summary>Methods marked <c>[OutboxReceiver]</c>.</summary>
        public const string Receivers = nameof(Receivers);

        /// <summary>The registry file's model.</summary>
        public const string Registry = nameof(Registry);

        /// <summary>The names of the models the registry binds, the only ones that get a model file.</summary>
        public const string RegisteredModels = nameof(RegisteredModels);
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var scopes = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Names.ScopeAttribute,
                static (node, _) => node is EnumMemberDeclarationSyntax,
                static (syntax, token) => Parser.ParseScope(syntax, token))
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(Steps.Scopes);

        var categories = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Names.CategoryAttribute,
                static (node, _) => node is EnumMemberDeclarationSyntax,
                static (syntax, token) => Parser.ParseCategory(syntax, token))
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(Steps.Categories);

        var declarations = scopes.Collect()
            .Combine(categories.Collect())
            .Select(static (pair, _) => Resolver.Declare(pair.Left, pair.Right))
            .WithTrackingName(Steps.Declarations);

        var replicated = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Names.ReplicatedAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (syntax, token) => Parser.ParseReplicated(syntax, token))
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(Steps.ReplicatedModels);

        var resolved = replicated
            .Combine(declarations)
            .Select(static (pair, _) => Resolver.Resolve(pair.Left, pair.Right))
            .WithTrackingName(Steps.ResolvedModels);

        var receivers = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Names.ReceiverAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (syntax, token) => Parser.ParseReceiver(syntax, token))
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(Steps.Receivers);

        var registry = declarations
            .Combine(resolved.Collect())
            .Combine(receivers.Collect())
            .Select(static (pair, _) => Resolver.BuildRegistry(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(Steps.Registry);

        // A model whose category something else also claims is left out of the registry, and so gets no
        // identity accessors either: its rows could never be delivered.
        var registeredModels = registry
            .Select(static (spec, _) => spec.Models.Select(m => m.FullyQualifiedName).ToEquatableArray())
            .WithTrackingName(Steps.RegisteredModels);

        context.RegisterSourceOutput(resolved.Combine(registeredModels), static (output, pair) =>
        {
            if (pair.Left is { } model && pair.Right.Contains(model.FullyQualifiedName))
            {
                output.AddSource(ModelEmitter.HintName(model), ModelEmitter.Emit(model));
            }
        });

        context.RegisterSourceOutput(registry, static (output, spec) =>
        {
            if (spec.Scopes.Count > 0 || spec.Categories.Count > 0 || spec.Models.Count > 0 || spec.Receivers.Count > 0)
            {
                output.AddSource(RegistryEmitter.HintName, RegistryEmitter.Emit(spec));
            }
        });
    }
}
