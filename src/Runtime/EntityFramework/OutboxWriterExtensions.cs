using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OutboxGen.EntityFramework;
using OutboxGen.Storage;

namespace OutboxGen;

/// <summary>Writes outbox messages that no replicated model produces, such as audit events.</summary>
public static class OutboxWriterExtensions
{
    private const string ReflectionFallback =
        "A payload type without a generated serializer is serialized with reflection.";

    /// <summary>
    /// Queues a cell outbox message on the context. It is written by the next <c>SaveChanges</c>, in the same
    /// transaction as the other changes, and dropped with them if that save fails and is not retried.
    /// </summary>
    /// <param name="context">A context configured with <c>UseOutbox</c>.</param>
    /// <param name="scope">The scope the message is sharded by.</param>
    /// <param name="shardIdentifier">The shard identifier within the scope.</param>
    /// <param name="category">The category; it must belong to <paramref name="scope"/>.</param>
    /// <param name="objectIdentifier">The id of the object the message is about; equal ids coalesce.</param>
    /// <param name="payload">The payload, written as JSON by its generated serializer.</param>
    /// <exception cref="OutboxRegistryException">The category is retired or does not belong to the scope.</exception>
    [RequiresUnreferencedCode(ReflectionFallback)]
    [RequiresDynamicCode(ReflectionFallback)]
    public static void AddOutboxMessage<TScope, TCategory, TPayload>(
        this DbContext context,
        TScope scope,
        long shardIdentifier,
        TCategory category,
        long objectIdentifier,
        TPayload payload)
        where TScope : struct, Enum
        where TCategory : struct, Enum
    {
        var json = Serialization.OutboxPayloadSerializers.SerializeFor(context, payload);
        Add(context, null, scope, shardIdentifier, category, objectIdentifier, json);
    }

    /// <summary>
    /// Queues a cell outbox message whose payload is written by the given generated serializer, such as
    /// <c>OutboxGen.Generated.Shop_AuditEntrySerializer.Instance</c>: no reflection runs, whatever the payload type.
    /// </summary>
    /// <param name="context">A context configured with <c>UseOutbox</c>.</param>
    /// <param name="scope">The scope the message is sharded by.</param>
    /// <param name="shardIdentifier">The shard identifier within the scope.</param>
    /// <param name="category">The category; it must belong to <paramref name="scope"/>.</param>
    /// <param name="objectIdentifier">The id of the object the message is about; equal ids coalesce.</param>
    /// <param name="payload">The payload.</param>
    /// <param name="serializer">The generated serializer that writes the payload as JSON.</param>
    /// <exception cref="OutboxRegistryException">The category is retired or does not belong to the scope.</exception>
    public static void AddOutboxMessage<TScope, TCategory, TPayload>(
        this DbContext context,
        TScope scope,
        long shardIdentifier,
        TCategory category,
        long objectIdentifier,
        TPayload payload,
        Serialization.OutboxPayloadSerializer<TPayload> serializer)
        where TScope : struct, Enum
        where TCategory : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(serializer);
        Add(context, null, scope, shardIdentifier, category, objectIdentifier, serializer.Serialize(payload));
    }

    /// <summary>Queues a cell outbox message without a payload; see the overload with a payload.</summary>
    public static void AddOutboxMessage<TScope, TCategory>(
        this DbContext context,
        TScope scope,
        long shardIdentifier,
        TCategory category,
        long objectIdentifier)
        where TScope : struct, Enum
        where TCategory : struct, Enum
    {
        Add(context, null, scope, shardIdentifier, category, objectIdentifier, null);
    }

    /// <summary>
    /// Queues a control outbox message toward one cell; otherwise as
    /// <see cref="AddOutboxMessage{TScope, TCategory, TPayload}(DbContext, TScope, long, TCategory, long, TPayload)"/>.
    /// The cell comes first so that it can never be mistaken for a string payload.
    /// </summary>
    /// <param name="context">A context configured with <c>UseOutbox</c> that has the control outbox table.</param>
    /// <param name="cellName">The cell the message goes to; not empty.</param>
    /// <param name="scope">The scope the message is sharded by.</param>
    /// <param name="shardIdentifier">The shard identifier within the scope.</param>
    /// <param name="category">The category; it must belong to <paramref name="scope"/>.</param>
    /// <param name="objectIdentifier">The id of the object the message is about; equal ids coalesce.</param>
    /// <param name="payload">The payload, written as JSON by its generated serializer.</param>
    /// <exception cref="OutboxRegistryException">The category is retired or does not belong to the scope.</exception>
    [RequiresUnreferencedCode(ReflectionFallback)]
    [RequiresDynamicCode(ReflectionFallback)]
    public static void AddControlOutboxMessage<TScope, TCategory, TPayload>(
        this DbContext context,
        string cellName,
        TScope scope,
        long shardIdentifier,
        TCategory category,
        long objectIdentifier,
        TPayload payload)
        where TScope : struct, Enum
        where TCategory : struct, Enum
    {
        ValidateCellName(cellName);
        var json = Serialization.OutboxPayloadSerializers.SerializeFor(context, payload);
        Add(context, cellName, scope, shardIdentifier, category, objectIdentifier, json);
    }

    /// <summary>
    /// Queues a control outbox message toward one cell whose payload is written by the given generated serializer:
    /// no reflection runs, whatever the payload type.
    /// </summary>
    /// <param name="context">A context configured with <c>UseOutbox</c> that has the control outbox table.</param>
    /// <param name="cellName">The cell the message goes to; not empty.</param>
    /// <param name="scope">The scope the message is sharded by.</param>
    /// <param name="shardIdentifier">The shard identifier within the scope.</param>
    /// <param name="category">The category; it must belong to <paramref name="scope"/>.</param>
    /// <param name="objectIdentifier">The id of the object the message is about; equal ids coalesce.</param>
    /// <param name="payload">The payload.</param>
    /// <param name="serializer">The generated serializer that writes the payload as JSON.</param>
    /// <exception cref="OutboxRegistryException">The category is retired or does not belong to the scope.</exception>
    public static void AddControlOutboxMessage<TScope, TCategory, TPayload>(
        this DbContext context,
        string cellName,
        TScope scope,
        long shardIdentifier,
        TCategory category,
        long objectIdentifier,
        TPayload payload,
        Serialization.OutboxPayloadSerializer<TPayload> serializer)
        where TScope : struct, Enum
        where TCategory : struct, Enum
    {
        ValidateCellName(cellName);
        ArgumentNullException.ThrowIfNull(serializer);
        Add(context, cellName, scope, shardIdentifier, category, objectIdentifier, serializer.Serialize(payload));
    }

    /// <summary>Queues a control outbox message without a payload; see the overload with a payload.</summary>
    public static void AddControlOutboxMessage<TScope, TCategory>(
        this DbContext context,
        string cellName,
        TScope scope,
        long shardIdentifier,
        TCategory category,
        long objectIdentifier)
        where TScope : struct, Enum
        where TCategory : struct, Enum
    {
        ValidateCellName(cellName);
        Add(context, cellName, scope, shardIdentifier, category, objectIdentifier, null);
    }

    private static void ValidateCellName(string cellName)
    {
        ArgumentNullException.ThrowIfNull(cellName);
        if (cellName.Length == 0)
        {
            throw new ArgumentException("A cell name cannot be empty.", nameof(cellName));
        }
    }

    private static void Add<TScope, TCategory>(
        DbContext context,
        string? cellName,
        TScope scope,
        long shardIdentifier,
        TCategory category,
        long objectIdentifier,
        string? payload)
        where TScope : struct, Enum
        where TCategory : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(context);
        var extension = OutboxOptionsExtension.From(context);
        var scopeValue = Convert.ToInt32(scope, CultureInfo.InvariantCulture);
        var categoryValue = Convert.ToInt32(category, CultureInfo.InvariantCulture);
        extension.Registry.ValidateForWrite(scopeValue, categoryValue);

        var silo = cellName is null ? OutboxSilo.Cell : OutboxSilo.Control;
        OutboxOptionsExtension.EnsureTable(context, silo);
        OutboxSaveChangesInterceptor.PendingFor(context).Messages.Add(
            new NewRow(silo, scopeValue, shardIdentifier, categoryValue, objectIdentifier, cellName, payload));
    }
}
