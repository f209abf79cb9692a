using HybridCloud.Control;
using Microsoft.EntityFrameworkCore;

namespace HybridCloud.Cell;

/// <summary>An audit event written in a cell and recorded in control.</summary>
public sealed record AuditLogEntry(long EventId, string Action, string Actor);

/// <summary>Records audit events in control: a payload-only receiver, no model behind it.</summary>
public static class AuditLogReceivers
{
    [OutboxReceiver(Category.AuditLogEvent)]
    public static async Task RecordAsync(
        AuditLogEntry entry,
        OutboxMessage message,
        CancellationToken cancellationToken)
    {
        await using var control = await OrganizationMember.Control(message.Services, cancellationToken);

        // Delivery is at least once: a row delivered before a crash is delivered again, so recording is idempotent.
        if (await control.AuditLog.AnyAsync(a => a.EventId == entry.EventId, cancellationToken))
        {
            return;
        }

        control.AuditLog.Add(new AuditLogRecord
        {
            EventId = entry.EventId,
            OrganizationId = message.ShardIdentifier,
            Action = entry.Action,
            Actor = entry.Actor,
        });
        await control.SaveChangesAsync(cancellationToken);
    }
}
