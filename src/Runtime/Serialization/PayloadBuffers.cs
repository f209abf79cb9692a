using System.Buffers;
using System.Text.Json;

namespace OutboxGen.Serialization;

/// <summary>
/// The output buffer and JSON writer one serialization uses, kept per thread so that writing a payload allocates
/// only the resulting string. This is the one piece of static state in the runtime: a per-thread pool, like the
/// writer cache System.Text.Json keeps for the same reason.
/// </summary>
internal sealed class PayloadBuffers
{
    /// <summary>A buffer that grew past this is dropped after use rather than kept for the thread's lifetime.</summary>
    private const int RetainedCapacity = 64 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Generated code writes only well-formed JSON; System.Text.Json skips the same checks in its serializer.
        SkipValidation = true,
        MaxDepth = 64,
    };

    [ThreadStatic]
    private static PayloadBuffers? _cached;

    private PayloadBuffers()
    {
        Output = new ArrayBufferWriter<byte>(512);
        Writer = new Utf8JsonWriter(Output, WriterOptions);
    }

    public ArrayBufferWriter<byte> Output { get; }

    public Utf8JsonWriter Writer { get; }

    public static PayloadBuffers Rent()
    {
        // Taking the cached instance out of the slot keeps a nested serialization on the same thread from sharing it.
        var buffers = _cached ?? new PayloadBuffers();
        _cached = null;
        return buffers;
    }

    public static void Return(PayloadBuffers buffers)
    {
        if (buffers.Output.Capacity > RetainedCapacity)
        {
            return;
        }

        buffers.Output.ResetWrittenCount();
        buffers.Writer.Reset(buffers.Output);
        _cached = buffers;
    }
}
