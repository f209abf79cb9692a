using OutboxGen.Generated;

namespace OutboxGen.Tests.Payloads;

/// <summary>The generated registry carries the generated serializers, which the explicit writer uses.</summary>
public sealed class PayloadSerializerRegistryTests
{
    public sealed record NeverReceived(long Id, string Name);

    [Fact]
    public void The_registry_carries_a_generated_serializer_for_a_received_payload_type()
    {
        var found = GeneratedOutbox.Registry.PayloadSerializers.TryGet<PayloadAudit>(out var serializer);

        Assert.True(found);
        Assert.Equal("OutboxGen.Generated", serializer!.GetType().Namespace);
        Assert.Equal(typeof(PayloadAudit), serializer.PayloadType);
    }

    [Fact]
    public void A_payload_type_the_generator_never_saw_is_written_by_reflection_with_the_same_rules()
    {
        var serializers = GeneratedOutbox.Registry.PayloadSerializers;

        var json = serializers.Serialize(new NeverReceived(7, "Ada"));

        Assert.False(serializers.TryGet<NeverReceived>(out _));
        Assert.Equal("""{"id":7,"name":"Ada"}""", json);
    }

    [Fact]
    public void Serializers_of_one_run_time_type_are_kept_once()
    {
        var first = OutboxGen_Tests_Payloads_PayloadAuditSerializer.Instance;
        var second = new OutboxGen_Tests_Payloads_PayloadAuditSerializer();

        var serializers = new OutboxGen.Serialization.OutboxPayloadSerializers([first, second]);

        Assert.True(serializers.TryGet<PayloadAudit>(out var kept));
        Assert.Same(first, kept);
        Assert.Single(serializers.PayloadTypes);
    }

    [Fact]
    public void The_explicit_writer_and_the_reflection_path_write_the_same_json()
    {
        var audit = new PayloadAudit(5, new PayloadActor(9, "a\"<b>@example.com"), ["x", "ü"]);

        var generated = GeneratedOutbox.Registry.PayloadSerializers.Serialize(audit);

        Assert.Equal(OutboxPayload.Serialize(audit), generated);
    }
}
