using OutboxGen.Tests.Infrastructure;

namespace OutboxGen.Tests.Model;

/// <summary>What a member's rows carry, deletes included.</summary>
public sealed record MemberPayload(string Email, string Role);

/// <summary>A cell model with a database-generated key and a payload.</summary>
[Replicated(TestCategory.MemberUpdate)]
public sealed partial class Member
{
    public long Id { get; set; }

    public long OrganizationId { get; set; }

    public string Email { get; set; } = "";

    public string Role { get; set; } = "member";

    public MemberPayload PayloadForUpdate() => new(Email, Role);

    public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
        DeliverySink.From(context.Services)
            .RecordAsync(context.Message, ReceivedAs.Replicated, PayloadForUpdate(), cancellationToken);

    public static Task HandleDeletionAsync(
        DeletionContext<MemberPayload> context,
        CancellationToken cancellationToken) =>
        DeliverySink.From(context.Services)
            .RecordAsync(context.Message, ReceivedAs.Deleted, context.Payload, cancellationToken);
}
