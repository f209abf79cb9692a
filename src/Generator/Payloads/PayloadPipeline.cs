using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OutboxGen.Generator.Model;

namespace OutboxGen.Generator.Payloads;

/// <summary>
/// The payload part of the generator's pipeline: finds the payload types of models and receivers, emits one
/// serializer per type, and tells the model and registry emitters which payload types have one.
/// </summary>
internal static class PayloadPipeline
{
    /// <summary>Registers the payload steps and outputs; returns the payload types that got a serializer.</summary>
    /// <param name="context">The generator's context.</param>
    /// <param name="registry">Only the payload types of the models and receivers it binds get a serializer.</param>
    public static IncrementalValueProvider<EquatableArray<PayloadBinding>> Register(
        IncrementalGeneratorInitializationContext context,
        IncrementalValueProvider<RegistrySpec> registry)
    {
        var modelPayloads = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Names.ReplicatedAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (syntax, token) => PayloadParser.ParseModel(syntax, token))
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(OutboxGenerator.Steps.ModelPayloads);

        var receiverPayloads = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Names.ReceiverAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (syntax, token) => PayloadParser.ParseReceiver(syntax, token))
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(OutboxGenerator.Steps.ReceiverPayloads);

        // A model or receiver the registry leaves out gets nothing generated, its payload's serializer included.
        var registeredPayloads = registry
            .Select(static (spec, _) => spec.Models.Select(m => m.PayloadType)
                .Concat(spec.Receivers.Select(r => r.PayloadType))
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .OrderBy(type => type, StringComparer.Ordinal)
                .ToEquatableArray())
            .WithTrackingName(OutboxGenerator.Steps.RegisteredPayloads);

        var catalog = modelPayloads.Collect()
            .Combine(receiverPayloads.Collect())
            .Combine(registeredPayloads)
            .Select(static (pair, _) => PayloadParser.BuildCatalog(
                Registered(pair.Left.Left, pair.Right),
                Registered(pair.Left.Right, pair.Right)))
            .WithTrackingName(OutboxGenerator.Steps.PayloadCatalog);

        var objects = catalog
            .SelectMany(static (spec, _) => spec.Objects)
            .WithTrackingName(OutboxGenerator.Steps.PayloadObjects);

        var valueRoots = catalog
            .SelectMany(static (spec, _) => spec.ValueRoots)
            .WithTrackingName(OutboxGenerator.Steps.PayloadValueRoots);

        context.RegisterSourceOutput(objects, static (output, spec) =>
            output.AddSource(PayloadEmitter.HintName(spec.Serializer), PayloadEmitter.EmitObject(spec)));

        context.RegisterSourceOutput(valueRoots, static (output, spec) =>
            output.AddSource(PayloadEmitter.HintName(spec.Serializer!), PayloadEmitter.EmitValueRoot(spec)));

        return catalog
            .Select(static (spec, _) => spec.Bindings)
            .WithTrackingName(OutboxGenerator.Steps.PayloadBindings);
    }

    private static ImmutableArray<PayloadRootSpec> Registered(
        ImmutableArray<PayloadRootSpec> roots,
        EquatableArray<string> registered) =>
        roots.Where(root => registered.Contains(root.DeclaredType)).ToImmutableArray();
}
