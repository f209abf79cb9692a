using OutboxGen.Tests.Infrastructure;

namespace OutboxGen.Tests.Model;

/// <summary>What a team's rows carry: its own key, and the name of a related entity.</summary>
public sealed record TeamPayload(long Id, string Name, string? LabelName);

/// <summary>A cell model whose payload reads more than its own columns: a navigation, loaded or just added.</summary>
[Replicated(TestCategory.TeamUpdate)]
public sealed partial class Team
{
    public long Id { get; set; }

    public long OrganizationId { get; set; }

    public string Name { get; set; } = "";

    public long? LabelId { get; set; }

    public Label? Label { get; set; }

    public TeamPayload PayloadForUpdate() => new(Id, Name, Label?.Name);

    public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
        DeliverySink.From(context.Services)
            .RecordAsync(context.Message, ReceivedAs.Replicated, PayloadForUpdate(), cancellationToken);

    public static Task HandleDeletionAsync(DeletionContext<TeamPayload> context, CancellationToken cancellationToken) =>
        DeliverySink.From(context.Services)
            .RecordAsync(context.Message, ReceivedAs.Deleted, context.Payload, cancellationToken);
}
