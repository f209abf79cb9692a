using OutboxGen.Tests.Infrastructure;

namespace OutboxGen.Tests.Model;

/// <summary>A control model: each change is written once per cell it targets.</summary>
[Replicated(TestCategory.OrganizationMappingUpdate, Silo = OutboxSilo.Control)]
public sealed partial class OrganizationMapping
{
    public long Id { get; set; }

    public long OrganizationId { get; set; }

    public string Slug { get; set; } = "";

    /// <summary>The target cells, comma-separated.</summary>
    public string Cells { get; set; } = "";

    public IEnumerable<string> TargetCells() =>
        Cells.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
        DeliverySink.From(context.Services)
            .RecordAsync(context.Message, ReceivedAs.Replicated, Slug, cancellationToken);

    public static Task HandleDeletionAsync(DeletionContext context, CancellationToken cancellationToken) =>
        DeliverySink.From(context.Services)
            .RecordAsync(context.Message, ReceivedAs.Deleted, null, cancellationToken);
}
