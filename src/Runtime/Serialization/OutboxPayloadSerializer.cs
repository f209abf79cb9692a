using System.Buffers;
using System.Text;
using System.Text.Json;

namespace OutboxGen.Serialization;

/// <summary>
/// A payload serializer the source generator wrote for one type, found by type through
/// <see cref="OutboxPayloadSerializers"/>.
/// </summary>
public abstract class OutboxPayloadSerializer
{
    private protected OutboxPayloadSerializer()
    {
    }

    /// <summary>The payload type this serializer reads and writes.</summary>
    public abstract Type PayloadType { get; }
}

/// <summary>
/// Reads and writes one payload type as JSON without reflection. The source generator derives an
/// <c>internal sealed</c> class from this for every payload type it meets, in namespace <c>OutboxGen.Generated</c>.
/// </summary>
/// <typeparam name="T">The payload type.</typeparam>
/// <remarks>
/// The JSON matches System.Text.Json's web defaults (<c>JsonSerializerDefaults.Web</c>): camelCase property names,
/// case-insensitive matching on read, numbers also read from strings, enums as numbers, unknown members ignored.
/// </remarks>
public abstract class OutboxPayloadSerializer<T> : OutboxPayloadSerializer
{
    private const int StackTranscodeLimit = 256;
    private const int CountedTranscodeLimit = 1024 * 1024;

    /// <inheritdoc/>
    public sealed override Type PayloadType => typeof(T);

    /// <summary>Writes a value that is not null.</summary>
    public abstract void Write(Utf8JsonWriter writer, T value);

    /// <summary>
    /// Reads a value from the reader positioned on its first token, which is not JSON <c>null</c>, and leaves the
    /// reader on its last token.
    /// </summary>
    /// <exception cref="PayloadPathException">The JSON does not fit the type.</exception>
    public abstract T Read(ref Utf8JsonReader reader);

    /// <summary>Writes a payload as JSON text; a null payload is written as <c>null</c>.</summary>
    public string Serialize(T? value)
    {
        var buffers = PayloadBuffers.Rent();
        try
        {
            var writer = buffers.Writer;
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                Write(writer, value);
            }

            writer.Flush();
            return Encoding.UTF8.GetString(buffers.Output.WrittenSpan);
        }
        finally
        {
            PayloadBuffers.Return(buffers);
        }
    }

    /// <summary>Reads a row's payload; no payload, or JSON <c>null</c> for a nullable type, is default.</summary>
    /// <exception cref="OutboxPayloadException">The JSON does not fit the type; names the JSON path.</exception>
    public T? Deserialize(string? json)
    {
        if (json is null)
        {
            return default;
        }

        // A char is at most three UTF-8 bytes; counting them exactly costs a pass over the text, worth it only when
        // the worst case would rent a large buffer.
        byte[]? rented = null;
        var maxLength = json.Length <= CountedTranscodeLimit / 3 ? json.Length * 3 : Encoding.UTF8.GetByteCount(json);
        var buffer = maxLength <= StackTranscodeLimit
            ? stackalloc byte[StackTranscodeLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(maxLength));
        try
        {
            var length = Encoding.UTF8.GetBytes(json, buffer);
            return Deserialize(buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Reads a payload from UTF-8 JSON; JSON <c>null</c> for a nullable type reads as default.</summary>
    /// <exception cref="OutboxPayloadException">The JSON does not fit the type; names the JSON path.</exception>
    public T? Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        try
        {
            if (!reader.Read())
            {
                throw new PayloadPathException("The payload holds no JSON value.");
            }

            var value = reader.TokenType == JsonTokenType.Null ? ReadNull() : Read(ref reader);
            if (reader.Read())
            {
                throw new PayloadPathException("The payload holds more than one JSON value.");
            }

            return value;
        }
        catch (Exception exception) when (PayloadReader.IsReadFailure(exception))
        {
            throw PayloadReader.ToPayloadException(exception, typeof(T));
        }
    }

    /// <summary>Reads a row's payload, which must be present and not JSON <c>null</c>.</summary>
    /// <exception cref="OutboxPayloadException">
    /// The payload is missing, null, or not valid JSON for the type; names the JSON path.
    /// </exception>
    public T DeserializeRequired(string? json) =>
        Deserialize(json) ?? throw new OutboxPayloadException(
            $"The row has no payload, and the receiver's {typeof(T).Name} parameter does not accept null.",
            "$",
            null);

    private static T? ReadNull() => default(T) is null
        ? default
        : throw new PayloadPathException($"JSON null cannot be read as {typeof(T).Name}.");
}
