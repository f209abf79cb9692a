using System.Buffers.Text;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace OutboxGen.Serialization;

/// <summary>
/// What generated payload readers call: token checks, property-name matching, and value reads that follow
/// System.Text.Json's web defaults (numbers may be quoted, <see cref="DateTime"/> is read as UTC).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PayloadReader
{
    private const int StackNameLimit = 128;

    /// <summary>Whether an exception means the JSON does not fit, rather than a fault of the program.</summary>
    public static bool IsReadFailure(Exception exception) => exception is PayloadPathException or JsonException
        or FormatException or OverflowException or InvalidOperationException;

    /// <summary>Adds an object member to the path of a read failure and returns the exception to throw.</summary>
    public static PayloadPathException AtProperty(Exception exception, string jsonName)
    {
        var failure = AsPathException(exception);
        failure.AddProperty(jsonName);
        return failure;
    }

    /// <summary>Adds an array index to the path of a read failure and returns the exception to throw.</summary>
    public static PayloadPathException AtIndex(Exception exception, int index)
    {
        var failure = AsPathException(exception);
        failure.AddIndex(index);
        return failure;
    }

    /// <summary>The failure for a required member the JSON object lacks.</summary>
    public static PayloadPathException MissingMember(string jsonName)
    {
        var failure = new PayloadPathException($"The required member '{jsonName}' is missing.");
        failure.AddProperty(jsonName);
        return failure;
    }

    /// <summary>The failure for JSON <c>null</c> where the member's type does not accept null.</summary>
    public static PayloadPathException NullNotAllowed() =>
        new("JSON null cannot be read into a member whose type is not nullable.");

    /// <summary>Turns a read failure into the exception the payload's reader reports.</summary>
    public static OutboxPayloadException ToPayloadException(Exception exception, Type payloadType)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(payloadType);
        var failure = exception as PayloadPathException;
        var path = failure?.JsonPath ?? "$";
        return new OutboxPayloadException(
            $"The payload cannot be read as {payloadType.Name} at JSON path '{path}': " +
            (failure?.Message ?? Describe(exception)),
            path,
            failure?.InnerException ?? exception);
    }

    /// <summary>Moves to the next token; the input must not end here.</summary>
    public static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new PayloadPathException("The JSON ends in the middle of a value.");
        }
    }

    /// <summary>Checks that the current token starts an object.</summary>
    public static void ExpectStartObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unexpected(reader.TokenType, "an object");
        }
    }

    /// <summary>Checks that the current token starts an array.</summary>
    public static void ExpectStartArray(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected(reader.TokenType, "an array");
        }
    }

    /// <summary>The current property name, unescaped, as UTF-8.</summary>
    public static ReadOnlySpan<byte> PropertyName(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return reader.ValueSpan;
        }

        // Escaped names are rare: writers escape only characters outside printable ASCII.
        return Encoding.UTF8.GetBytes(reader.GetString()!);
    }

    /// <summary>
    /// The index of the name that equals <paramref name="name"/> ignoring case, or -1. Generated readers call this
    /// only after no name matched exactly.
    /// </summary>
    public static int MatchIgnoreCase(ReadOnlySpan<byte> name, string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (Ascii.IsValid(name))
        {
            for (var i = 0; i < names.Length; i++)
            {
                if (Ascii.EqualsIgnoreCase(name, names[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        var chars = name.Length <= StackNameLimit
            ? stackalloc char[StackNameLimit]
            : new char[Encoding.UTF8.GetMaxCharCount(name.Length)];
        var text = chars[..Encoding.UTF8.GetChars(name, chars)];
        for (var i = 0; i < names.Length; i++)
        {
            if (text.Equals(names[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Reads a string that is not null.</summary>
    public static string ReadString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.Null => throw NullNotAllowed(),
        _ => throw Unexpected(reader.TokenType, "a string"),
    };

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    public static bool ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Unexpected(reader.TokenType, "true or false"),
    };

    /// <summary>Reads a number, or a number in a string.</summary>
    public static sbyte ReadSByte(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Number
        ? reader.GetSByte()
        : Utf8Parser.TryParse(Quoted(ref reader), out sbyte value, out var used) && Whole(ref reader, used)
            ? value
            : throw NotANumber(nameof(SByte));

    /// <summary>Reads a number, or a number in a string.</summary>
    public static byte ReadByte(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Number
        ? reader.GetByte()
        : Utf8Parser.TryParse(Quoted(ref reader), out byte value, out var used) && Whole(ref reader, used)
            ? value
            : throw NotANumber(nameof(Byte));

    /// <summary>Reads a number, or a number in a string.</summary>
    public static short ReadInt16(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Number
        ? reader.GetInt16()
        : Utf8Parser.TryParse(Quoted(ref reader), out short value, out var used) && Whole(ref reader, used)
            ? value
            : throw NotANumber(nameof(Int16));

    /// <summary>Reads a number, or a number in a string.</summary>
    public static ushort ReadUInt16(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Number
        ? reader.GetUInt16()
        : Utf8Parser.TryParse(Quoted(ref reader), out ushort value, out var used) && Whole(ref reader, used)
            ? value
            : throw NotANumber(nameof(UInt16));

    /// <summary>Reads a number, or a number in a string.</summary>
    public static int ReadInt32(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Number
        ? reader.GetInt32()
        : Utf8Parser.TryParse(Quoted(ref reader), out int value, out var used) && Whole(ref reader, used)
            ? value
            : throw NotANumber(nameof(Int32));

    /// <summary>Reads a number, or a number in a string.</summary>
    public static uint ReadUInt32(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Number
        ? reader.GetUInt32()
        : Utf8Parser.TryParse(Quoted(ref reader), out uint value, out var used) && Whole(ref reader, used)
            ? value
            : throw NotANumber(nameof(UInt32));

    /// <summary>Reads a number, or a number in a string.</summary>
    public static long ReadInt64(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Number
        ? reader.GetInt64()
        : Utf8Parser.TryParse(Quoted(ref reader), out long value, out var used) && Whole(ref reader, used)
            ? value
            : throw NotANumber(nameof(Int64));

    /// <summary>Reads a number, or a number in a string.</summary>
    public static ulong ReadUInt64(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Number
        ? reader.GetUInt64()
        : Utf8Parser.TryParse(Quoted(ref reader), out ulong value, out var used) && Whole(ref reader, used)
            ? value
            : throw NotANumber(nameof(UInt64));

    /// <summary>Reads a number, or a number in a string.</summary>
    public static float ReadSingle(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Number
        ? reader.GetSingle()
        : Utf8Parser.TryParse(Quoted(ref reader), out float value, out var used) && Whole(ref reader, used)
            ? value
            : throw NotANumber(nameof(Single));

    /// <summary>Reads a number, or a number in a string.</summary>
    public static double ReadDouble(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Number
        ? reader.GetDouble()
        : Utf8Parser.TryParse(Quoted(ref reader), out double value, out var used) && Whole(ref reader, used)
            ? value
            : throw NotANumber(nameof(Double));

    /// <summary>Reads a number, or a number in a string.</summary>
    public static decimal ReadDecimal(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Number
        ? reader.GetDecimal()
        : Utf8Parser.TryParse(Quoted(ref reader), out decimal value, out var used) && Whole(ref reader, used)
            ? value
            : throw NotANumber(nameof(Decimal));

    /// <summary>Reads a GUID written in its 36-character form.</summary>
    public static Guid ReadGuid(ref Utf8JsonReader reader) => ExpectString(ref reader).GetGuid();

    /// <summary>Reads an ISO 8601 date and time as UTC: an offset is converted, no offset is taken as UTC.</summary>
    public static DateTime ReadDateTime(ref Utf8JsonReader reader)
    {
        var value = ExpectString(ref reader).GetDateTime();
        return value.Kind switch
        {
            DateTimeKind.Utc => value,
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };
    }

    /// <summary>Reads an ISO 8601 date and time with its offset.</summary>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader) =>
        ExpectString(ref reader).GetDateTimeOffset();

    /// <summary>Reads a time span in the constant format, <c>[-][d.]hh:mm:ss[.fffffff]</c>.</summary>
    public static TimeSpan ReadTimeSpan(ref Utf8JsonReader reader)
    {
        var text = Unescaped(ref ExpectString(ref reader));

        // The parser accepts a few shapes the format does not allow, such as a trailing separator; refuse them.
        var shaped = text.Length > 0 && (char.IsAsciiDigit((char)text[0]) || text[0] == (byte)'-')
            && char.IsAsciiDigit((char)text[^1]);
        if (shaped && Utf8Parser.TryParse(text, out TimeSpan value, out var used, 'c') && used == text.Length)
        {
            return value;
        }

        throw new PayloadPathException("The string is not a time span in the format [-][d.]hh:mm:ss[.fffffff].");
    }

    /// <summary>Reads bytes written as a base64 string.</summary>
    public static byte[] ReadBytes(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetBytesFromBase64(),
        JsonTokenType.Null => throw NullNotAllowed(),
        _ => throw Unexpected(reader.TokenType, "a base64 string"),
    };

    /// <summary>The failure for a token the reader did not expect.</summary>
    public static PayloadPathException Unexpected(JsonTokenType token, string expected) => token == JsonTokenType.Null
        ? NullNotAllowed()
        : new PayloadPathException($"Expected {expected}, found {Describe(token)}.");

    private static ref Utf8JsonReader ExpectString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Unexpected(reader.TokenType, "a string");
        }

        return ref reader;
    }

    private static ReadOnlySpan<byte> Quoted(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Unexpected(reader.TokenType, "a number");
        }

        return Unescaped(ref reader);
    }

    private static ReadOnlySpan<byte> Unescaped(ref Utf8JsonReader reader) =>
        !reader.ValueIsEscaped && !reader.HasValueSequence
            ? reader.ValueSpan
            : Encoding.UTF8.GetBytes(reader.GetString()!);

    // Quoted numbers are checked against the unescaped text; an escaped digit is as good as a plain one.
    private static bool Whole(ref Utf8JsonReader reader, int used) => used == Unescaped(ref reader).Length;

    private static PayloadPathException NotANumber(string type) =>
        new($"The string is not a number that fits {type}.");

    private static PayloadPathException AsPathException(Exception exception) =>
        exception as PayloadPathException ?? new PayloadPathException(Describe(exception), exception);

    private static string Describe(Exception exception) => exception switch
    {
        JsonException { LineNumber: { } line, BytePositionInLine: { } position } =>
            $"{exception.Message.TrimEnd('.')} (line {line + 1}, byte {position + 1}).",
        _ => exception.Message,
    };

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
