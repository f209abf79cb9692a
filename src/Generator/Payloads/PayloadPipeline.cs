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
    /// <summary>Registers the payload steps and outputs; returns the declared payload types that got a serializer.</summary>
    public static IncrementalValueProvider<EquatableArray<PayloadBinding>> Register(
        IncrementalGeneratorInitializationContext context)
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

        var catalog = modelPayloads.Collect()
            .Combine(receiverPayloads.Collect())
            .Select(static (pair, _) => PayloadParser.BuildCatalog(pair.Left, pair.Right))
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
}
