using System.Buffers.Text;
using System.ComponentModel;
using System.Text.Json;

namespace OutboxGen.Serialization;

/// <summary>What generated payload writers call for values <see cref="Utf8JsonWriter"/> has no overload for.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PayloadWriter
{
    // "-10675199.02:48:05.4775808" is the longest constant-format time span.
    private const int TimeSpanLength = 26;

    /// <summary>A date and time as UTC: a local time is converted, an unspecified kind is taken as UTC.</summary>
    public static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    /// <summary>Writes bytes as a base64 string, or <c>null</c>.</summary>
    public static void WriteBytes(Utf8JsonWriter writer, byte[]? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteBase64StringValue(value);
        }
    }

    /// <summary>Writes a member holding bytes as a base64 string, or <c>null</c>.</summary>
    public static void WriteBytes(Utf8JsonWriter writer, JsonEncodedText name, byte[]? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteBase64String(name, value);
        }
    }

    /// <summary>Writes a time span in the constant format, as System.Text.Json does.</summary>
    public static void WriteTimeSpan(Utf8JsonWriter writer, TimeSpan value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> text = stackalloc byte[TimeSpanLength];
        Utf8Formatter.TryFormat(value, text, out var written, 'c');
        writer.WriteStringValue(text[..written]);
    }

    /// <summary>Writes a member holding a time span in the constant format.</summary>
    public static void WriteTimeSpan(Utf8JsonWriter writer, JsonEncodedText name, TimeSpan value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> text = stackalloc byte[TimeSpanLength];
        Utf8Formatter.TryFormat(value, text, out var written, 'c');
        writer.WriteString(name, text[..written]);
    }
}
