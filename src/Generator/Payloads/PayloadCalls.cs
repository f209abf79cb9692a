using System;
using System.Linq;
using OutboxGen.Generator.Model;

namespace OutboxGen.Generator.Payloads;

/// <summary>
/// The expressions the model and registry emitters write to read and write a payload: the generated serializer
/// when the payload type has one, else System.Text.Json's reflection path (the analyzers report why).
/// </summary>
internal static class PayloadCalls
{
    private const string Reflection = "global::OutboxGen.OutboxPayload.";

    public static string Serialize(string payloadType, EquatableArray<PayloadBinding> bindings, string value) =>
        Find(payloadType, bindings) is { } binding
            ? $"global::OutboxGen.Generated.{binding.Serializer}.Instance.Serialize({value})"
            : $"{Reflection}Serialize({value})";

    public static string Deserialize(
        string payloadType,
        EquatableArray<PayloadBinding> bindings,
        bool required,
        string json)
    {
        var method = required ? "DeserializeRequired" : "Deserialize";
        if (Find(payloadType, bindings) is not { } binding)
        {
            return $"{Reflection}{method}<{payloadType}>({json})";
        }

        var read = $"global::OutboxGen.Generated.{binding.Serializer}.Instance.{method}({json})";
        if (binding.Conversion is not { } conversion)
        {
            return read;
        }

        // The same run-time type spelled with other nullable annotations: the operator keeps the conversion quiet.
        var target = required ? conversion.TrimEnd('?') : conversion;
        return $"({target}){read}!";
    }

    /// <summary>
    /// Writes the object initializer that hands the registry its payload serializers; nothing when there are none.
    /// The registry's constructor call must end without its semicolon when there are.
    /// </summary>
    public static void EmitRegistration(Emitting.SourceWriter writer, EquatableArray<PayloadBinding> bindings)
    {
        if (bindings.Count == 0)
        {
            return;
        }

        writer.Line("{");
        writer.Line("    PayloadSerializers = new global::OutboxGen.Serialization.OutboxPayloadSerializers(");
        writer.Line("        new global::OutboxGen.Serialization.OutboxPayloadSerializer[]");
        writer.Line("        {");
        var serializers = bindings.Select(b => b.Serializer).Distinct().OrderBy(s => s, StringComparer.Ordinal);
        foreach (var serializer in serializers)
        {
            writer.Line($"            global::OutboxGen.Generated.{serializer}.Instance,");
        }

        writer.Line("        }),");
        writer.Line("};");
    }

    private static PayloadBinding? Find(string payloadType, EquatableArray<PayloadBinding> bindings)
    {
        foreach (var binding in bindings)
        {
            if (binding.DeclaredType == payloadType)
            {
                return binding;
            }
        }

        return null;
    }
}
