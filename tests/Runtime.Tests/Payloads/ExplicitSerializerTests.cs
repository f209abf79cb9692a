using OutboxGen.Generated;

namespace OutboxGen.Tests.Payloads;

/// <summary>An explicit message written with a generated serializer passed in: no reflection runs.</summary>
public sealed class ExplicitSerializerTests
{
    [Fact]
    public async Task A_message_written_with_a_generated_serializer_is_stored_as_its_json_and_delivered()
    {
        await using var db = await PayloadDatabase.CreateAsync();
        var audit = new PayloadAudit(4, new PayloadActor(4, "d@example.com"), ["x"]);
        var serializer = OutboxGen_Tests_Payloads_PayloadAuditSerializer.Instance;
        await using (var context = db.Context())
        {
            context.AddOutboxMessage(PayloadScope.Payloads, 4, PayloadCategory.PayloadAudit, 4, audit, serializer);
            await context.SaveChangesAsync();
        }

        var stored = Assert.Single(await db.RowsAsync()).Payload;
        await db.Drainer().DrainAsync();

        Assert.Equal(serializer.Serialize(audit), stored);
        Assert.Equal(OutboxPayload.Serialize(audit), stored);
        Assert.Equal(audit.Actor, Assert.Single(db.Sink.Received).Audit.Actor);
    }
}
