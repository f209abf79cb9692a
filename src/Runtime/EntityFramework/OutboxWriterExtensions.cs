using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OutboxGen.EntityFramework;
using OutboxGen.Storage;

namespace OutboxGen;

/// <summary>Writes outbox messages that no replicated model produces, such as audit events.</summary>
public static class OutboxWriterExtensions
{
    /// <summary>
    /// Queues an outbox message on the context. It is written by the next <c>SaveChanges</c>, in the same
    /// transaction as the other changes, and dropped with them if that save fails and is not retried.
    /// </summary>
    /// <param name="context">A context configured with <c>UseOutbox</c>.</param>
    /// <param name="scope">The scope the message is sharded by.</param>
    /// <param name="shardIdentifier">The shard identifier within the scope.</param>
    /// <param name="category">The category; it must belong to <paramref name="scope"/>.</param>
    /// <param name="objectIdentifier">The id of the object the message is about; equal ids coalesce.</param>
    /// <param name="payload">The payload, written as JSON.</param>
    /// <param name="cellName">The target cell, required for control outbox messages and refused otherwise.</param>
    /// <exception cref="OutboxRegistryException">The category is retired or does not belong to the scope.</exception>
    [RequiresUnreferencedCode("A payload type without a generated serializer is serialized with reflection.")]
    [RequiresDynamicCode("A payload type without a generated serializer is serialized with reflection.")]
    public static void AddOutboxMessage<TScope, TCategory, TPayload>(
        this DbContext context,
        TScope scope,
        long shardIdentifier,
        TCategory category,
        long objectIdentifier,
        TPayload payload,
        string? cellName = null)
        where TScope : struct, Enum
        where TCategory : struct, Enum
    {
        var json = Serialization.OutboxPayloadSerializers.SerializeFor(context, payload);
        Add(context, scope, shardIdentifier, category, objectIdentifier, json, cellName);
    }

    /// <summary>
    /// Queues an outbox message whose payload is written by the given generated serializer, such as
    /// <c>OutboxGen.Generated.Shop_AuditEntrySerializer.Instance</c>: no reflection runs, whatever the payload type.
    /// </summary>
    /// <param name="context">A context configured with <c>UseOutbox</c>.</param>
    /// <param name="scope">The scope the message is sharded by.</param>
    /// <param name="shardIdentifier">The shard identifier within the scope.</param>
    /// <param name="category">The category; it must belong to <paramref name="scope"/>.</param>
    /// <param name="objectIdentifier">The id of the object the message is about; equal ids coalesce.</param>
    /// <param name="payload">The payload.</param>
    /// <param name="serializer">The generated serializer that writes the payload as JSON.</param>
    /// <param name="cellName">The target cell, required for control outbox messages and refused otherwise.</param>
    /// <exception cref="OutboxRegistryException">The category is retired or does not belong to the scope.</exception>
    public static void AddOutboxMessage<TScope, TCategory, TPayload>(
        this DbContext context,
        TScope scope,
        long shardIdentifier,
        TCategory category,
        long objectIdentifier,
        TPayload payload,
        Serialization.OutboxPayloadSerializer<TPayload> serializer,
        string? cellName = null)
        where TScope : struct, Enum
        where TCategory : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(serializer);
        Add(context, scope, shardIdentifier, category, objectIdentifier, serializer.Serialize(payload), cellName);
    }

    /// <summary>Queues an outbox message without a payload; see the overload with a payload.</summary>
    public static void AddOutboxMessage<TScope, TCategory>(
        this DbContext context,
        TScope scope,
        long shardIdentifier,
        TCategory category,
        long objectIdentifier,
        string? cellName = null)
        where TScope : struct, Enum
        where TCategory : struct, Enum
    {
        Add(context, scope, shardIdentifier, category, objectIdentifier, null, cellName);
    }

    private static void Add<TScope, TCategory>(
        DbContext context,
        TScope scope,
        long shardIdentifier,
        TCategory category,
        long objectIdentifier,
        string? payload,
        string? cellName)
        where TScope : struct, Enum
        where TCategory : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(context);
        var extension = OutboxOptionsExtension.From(context);
        var scopeValue = Convert.ToInt32(scope, CultureInfo.InvariantCulture);
        var categoryValue = Convert.ToInt32(category, CultureInfo.InvariantCulture);
        extension.Registry.ValidateForWrite(scopeValue, categoryValue);

        if (cellName is not null && cellName.Length == 0)
        {
            throw new ArgumentException("A cell name cannot be empty.", nameof(cellName));
        }

        var silo = cellName is null ? OutboxSilo.Cell : OutboxSilo.Control;
        OutboxSaveChangesInterceptor.PendingFor(context).Messages.Add(
            new NewRow(silo, scopeValue, shardIdentifier, categoryValue, objectIdentifier, cellName, payload));
    }
}
