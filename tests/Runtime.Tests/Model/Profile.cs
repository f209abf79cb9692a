using OutboxGen.Tests.Infrastructure;

namespace OutboxGen.Tests.Model;

public sealed class Address
{
    public string City { get; set; } = "";

    public Geo Geo { get; set; } = new();
}

public sealed class Geo
{
    public double Latitude { get; set; }
}

public sealed class Link
{
    public int Id { get; set; }

    public string Url { get; set; } = "";
}

/// <summary>What a profile's rows carry: data from its owned entities.</summary>
public sealed record ProfilePayload(string City, double Latitude, int Links);

/// <summary>A cell model part of whose data is in owned entities (one nested two deep, and a collection).</summary>
[Replicated(TestCategory.ProfileUpdate)]
public sealed partial class Profile
{
    public long Id { get; set; }

    public long OrganizationId { get; set; }

    public Address Address { get; set; } = new();

    public List<Link> Links { get; set; } = [];

    public ProfilePayload PayloadForUpdate() => new(Address.City, Address.Geo.Latitude, Links.Count);

    public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
        DeliverySink.From(context.Services)
            .RecordAsync(context.Message, ReceivedAs.Replicated, PayloadForUpdate(), cancellationToken);

    public static Task HandleDeletionAsync(
        DeletionContext<ProfilePayload> context,
        CancellationToken cancellationToken) =>
        DeliverySink.From(context.Services)
            .RecordAsync(context.Message, ReceivedAs.Deleted, context.Payload, cancellationToken);
}
