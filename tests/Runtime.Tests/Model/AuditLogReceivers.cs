using OutboxGen.Tests.Infrastructure;

namespace OutboxGen.Tests.Model;

/// <summary>The payload of an audit event written with <c>AddOutboxMessage</c>.</summary>
public sealed record AuditEntry(long EventId, string Action);

/// <summary>Receives audit events: a receiver method with no model behind it.</summary>
public static class AuditLogReceivers
{
    [OutboxReceiver(TestCategory.AuditLogEvent)]
    public static Task RecordAsync(AuditEntry entry, OutboxMessage message, CancellationToken cancellationToken) =>
        DeliverySink.From(message.Services).RecordAsync(message, ReceivedAs.Received, entry, cancellationToken);
}
