using OutboxGen.Tests.Infrastructure;

namespace OutboxGen.Tests.Model;

/// <summary>
/// A model the source generator reads <c>Id</c> from, while the EF Core model keys it by <c>Code</c>: the drain
/// could not load it back by its object identifier, so the first save refuses it.
/// </summary>
[Replicated(TestCategory.GadgetUpdate)]
public sealed partial class Gadget
{
    public long Id { get; set; }

    public long Code { get; set; }

    public long OrganizationId { get; set; }

    public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
        DeliverySink.From(context.Services)
            .RecordAsync(context.Message, ReceivedAs.Replicated, null, cancellationToken);

    public static Task HandleDeletionAsync(DeletionContext context, CancellationToken cancellationToken) =>
        DeliverySink.From(context.Services)
            .RecordAsync(context.Message, ReceivedAs.Deleted, null, cancellationToken);
}

/// <summary>A model whose payload throws for one name, as a bug in user code would.</summary>
[Replicated(TestCategory.SprocketUpdate)]
public sealed partial class Sprocket
{
    public long Id { get; set; }

    public long OrganizationId { get; set; }

    public string Name { get; set; } = "";

    public string PayloadForUpdate() =>
        Name == "boom" ? throw new FormatException("the name cannot be written") : Name;

    public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
        DeliverySink.From(context.Services)
            .RecordAsync(context.Message, ReceivedAs.Replicated, Name, cancellationToken);

    public static Task HandleDeletionAsync(DeletionContext<string> context, CancellationToken cancellationToken) =>
        DeliverySink.From(context.Services)
            .RecordAsync(context.Message, ReceivedAs.Deleted, context.Payload, cancellationToken);
}
