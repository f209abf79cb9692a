using System.Text.Json;

namespace OutboxGen;

/// <summary>
/// Reads and writes payload JSON by reflection, with System.Text.Json's web defaults. Generated code uses its own
/// serializers (<see cref="Serialization.OutboxPayloadSerializer{T}"/>) and comes here only for a payload type the
/// generator cannot handle, which the analyzers report; <c>AddOutboxMessage</c> comes here for a type the generator
/// never saw.
/// </summary>
public static class OutboxPayload
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>Writes a payload as JSON.</summary>
    [RequiresUnreferencedCode("Payloads are serialized with System.Text.Json reflection.")]
    [RequiresDynamicCode("Payloads are serialized with System.Text.Json reflection.")]
    public static string Serialize<TPayload>(TPayload payload) => JsonSerializer.Serialize(payload, Options);

    /// <summary>Reads a row's payload, which must be present and not JSON <c>null</c>.</summary>
    /// <exception cref="OutboxPayloadException">The payload is missing, null, or not JSON of the type.</exception>
    [RequiresUnreferencedCode("Payloads are serialized with System.Text.Json reflection.")]
    [RequiresDynamicCode("Payloads are serialized with System.Text.Json reflection.")]
    public static TPayload DeserializeRequired<TPayload>(string? json) =>
        Deserialize<TPayload>(json) ?? throw new OutboxPayloadException(
            $"The row has no payload, and the receiver's {typeof(TPayload).Name} parameter does not accept null.",
            "$",
            null);

    /// <summary>Reads a row's payload; a missing payload reads as default.</summary>
    /// <exception cref="OutboxPayloadException">The payload is not valid JSON for the type.</exception>
    [RequiresUnreferencedCode("Payloads are serialized with System.Text.Json reflection.")]
    [RequiresDynamicCode("Payloads are serialized with System.Text.Json reflection.")]
    public static TPayload? Deserialize<TPayload>(string? json)
    {
        if (json is null)
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize<TPayload>(json, Options);
        }
        catch (JsonException exception)
        {
            throw new OutboxPayloadException(
                $"The payload cannot be read as {typeof(TPayload).Name} at JSON path '{exception.Path}': " +
                exception.Message,
                exception.Path,
                exception);
        }
    }
}

/// <summary>A row's payload cannot be read as the receiver's payload type.</summary>
public sealed class OutboxPayloadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OutboxPayloadException(string message, string? jsonPath, Exception? innerException)
        : base(message, innerException)
    {
        JsonPath = jsonPath;
    }

    /// <summary>The JSON path where reading failed, when known.</summary>
    public string? JsonPath { get; }
}
