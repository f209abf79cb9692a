using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using OutboxGen.EntityFramework;

namespace OutboxGen.Serialization;

/// <summary>
/// The payload serializers the source generator wrote for an application, by payload type. The generated registry
/// carries them, so an explicit message's payload is written by generated code whenever its type has a serializer.
/// </summary>
public sealed class OutboxPayloadSerializers
{
    private readonly FrozenDictionary<Type, OutboxPayloadSerializer> _byType;

    /// <summary>Creates the set; called by generated code.</summary>
    /// <remarks>
    /// Payload types spelled with different nullable annotations (<c>List&lt;string?&gt;</c> and
    /// <c>List&lt;string&gt;</c>) get a serializer each but are one type at run time; the first is kept, as both
    /// write the same JSON.
    /// </remarks>
    public OutboxPayloadSerializers(IEnumerable<OutboxPayloadSerializer> serializers)
    {
        ArgumentNullException.ThrowIfNull(serializers);
        var map = new Dictionary<Type, OutboxPayloadSerializer>();
        foreach (var serializer in serializers)
        {
            map.TryAdd(serializer.PayloadType, serializer);
        }

        _byType = map.ToFrozenDictionary();
    }

    /// <summary>A set without serializers: every payload is written by reflection.</summary>
    public static OutboxPayloadSerializers Empty { get; } = new([]);

    /// <summary>The payload types that have a generated serializer.</summary>
    public IEnumerable<Type> PayloadTypes => _byType.Keys;

    /// <summary>Finds the generated serializer of a payload type.</summary>
    public bool TryGet<T>([NotNullWhen(true)] out OutboxPayloadSerializer<T>? serializer)
    {
        serializer = _byType.TryGetValue(typeof(T), out var found) ? (OutboxPayloadSerializer<T>)found : null;
        return serializer is not null;
    }

    /// <summary>
    /// Writes a payload with its generated serializer, or with System.Text.Json reflection when the generator never
    /// saw the type (no model returns it and no receiver takes it).
    /// </summary>
    [RequiresUnreferencedCode("A payload type without a generated serializer is serialized with reflection.")]
    [RequiresDynamicCode("A payload type without a generated serializer is serialized with reflection.")]
    public string Serialize<T>(T payload) =>
        TryGet<T>(out var serializer) ? serializer.Serialize(payload) : OutboxPayload.Serialize(payload);

    [RequiresUnreferencedCode("A payload type without a generated serializer is serialized with reflection.")]
    [RequiresDynamicCode("A payload type without a generated serializer is serialized with reflection.")]
    internal static string SerializeFor<T>(DbContext context, T payload)
    {
        ArgumentNullException.ThrowIfNull(context);
        return OutboxOptionsExtension.From(context).Registry.PayloadSerializers.Serialize(payload);
    }
}
