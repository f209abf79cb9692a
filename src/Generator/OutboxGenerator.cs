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

        /// <summary>The payload types replicated models return from <c>PayloadForUpdate</c>.</summary>
        public const string ModelPayloads = nameof(ModelPayloads);

        /// <summary>The payload types receivers take.</summary>
        public const string ReceiverPayloads = nameof(ReceiverPayloads);

        /// <summary>The payload types of the models and receivers the registry binds.</summary>
        public const string RegisteredPayloads = nameof(RegisteredPayloads);

        /// <summary>Every payload type to write a serializer for, each once.</summary>
        public const string PayloadCatalog = nameof(PayloadCatalog);

        /// <summary>One payload object type's serializer model.</summary>
        public const string PayloadObjects = nameof(PayloadObjects);

        /// <summary>A payload type that is not an object (a list, a string, a number).</summary>
        public const string PayloadValueRoots = nameof(PayloadValueRoots);

        /// <summary>Which payload types, as models and receivers name them, have a generated serializer.</summary>
        public const string PayloadBindings = nameof(PayloadBindings);
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

        var payloads = Payloads.PayloadPipeline.Register(context, registry);

        context.RegisterSourceOutput(resolved.Combine(registeredModels).Combine(payloads), static (output, pair) =>
        {
            if (pair.Left.Left is { } model && pair.Left.Right.Contains(model.FullyQualifiedName))
            {
                output.AddSource(ModelEmitter.HintName(model), ModelEmitter.Emit(model, pair.Right));
            }
        });

        context.RegisterSourceOutput(registry.Combine(payloads), static (output, pair) =>
        {
            var spec = pair.Left;
            if (spec.Scopes.Count > 0 || spec.Categories.Count > 0 || spec.Models.Count > 0 || spec.Receivers.Count > 0)
            {
                output.AddSource(RegistryEmitter.HintName, RegistryEmitter.Emit(spec, pair.Right));
            }
        });
    }
}
