using System.Collections.Generic;
using System.Linq;
using OutboxGen.Generator.Emitting;

namespace OutboxGen.Generator.Payloads;

/// <summary>
/// Writes the serializer of one payload type: a class in <c>OutboxGen.Generated</c> derived from
/// <c>OutboxPayloadSerializer&lt;T&gt;</c>, reading and writing with <c>Utf8JsonReader</c> and <c>Utf8JsonWriter</c>.
/// </summary>
/// <remarks>
/// An object type's serializer has this shape:
/// <code>
/// internal sealed class Shop_OrderSerializer : global::OutboxGen.Serialization.OutboxPayloadSerializer&lt;Order&gt;
/// {
///     public static readonly Shop_OrderSerializer Instance = new Shop_OrderSerializer();
///     private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
///     internal static void WriteValue(Utf8JsonWriter writer, Order? value) { ... }
///     internal static Order ReadValue(ref Utf8JsonReader reader) { ... }
///     private static int Match(ReadOnlySpan&lt;byte&gt; name) { ... }
/// }
/// </code>
/// Nested objects call each other's static methods; lists and dictionaries get private helper methods.
/// </remarks>
internal static class PayloadEmitter
{
    private const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    private const string Reader = "global::System.Text.Json.Utf8JsonReader";
    private const string Token = "global::System.Text.Json.JsonTokenType";
    private const string Runtime = "global::OutboxGen.Serialization.";
    private const string ReadHelpers = Runtime + "PayloadReader";
    private const string WriteHelpers = Runtime + "PayloadWriter";

    public static string HintName(string serializer) => "OutboxGen.Payload." + serializer + ".g.cs";

    public static string EmitObject(PayloadObjectSpec spec)
    {
        var writer = Begin(spec.TypeName, spec.Serializer);
        var helpers = new Helpers();

        foreach (var member in spec.Members)
        {
            writer.Line(
                $"private static readonly global::System.Text.Json.JsonEncodedText {FieldName(member)} = " +
                $"global::System.Text.Json.JsonEncodedText.Encode({Literals.String(member.JsonName)});");
            writer.Line();
        }

        foreach (var member in spec.Members)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(member.JsonName);
            writer.Line($"private static global::System.ReadOnlySpan<byte> {Utf8Name(member)} => " +
                $"new byte[] {{ {string.Join(", ", bytes)} }};");
            writer.Line();
        }

        writer.Line(
            "private static readonly string[] JsonNames = new string[] { " +
            string.Join(", ", spec.Members.Select(m => Literals.String(m.JsonName))) + " };");
        writer.Line();

        var valueType = spec.IsValueType ? spec.TypeName : spec.TypeName + "?";
        writer.Line("/// <inheritdoc/>");
        writer.Line(
            $"public override void Write({Writer} writer, {spec.TypeName} value) => WriteValue(writer, value);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public override {spec.TypeName} Read(ref {Reader} reader) => ReadValue(ref reader);");
        writer.Line();

        writer.Line("/// <summary>Writes the value as a JSON object, or <c>null</c>.</summary>");
        writer.Open($"internal static void WriteValue({Writer} writer, {valueType} value)");
        if (!spec.IsValueType)
        {
            writer.Open("if (value is null)");
            writer.Line("writer.WriteNullValue();");
            writer.Line("return;");
            writer.Close();
            writer.Line();
        }

        writer.Line("writer.WriteStartObject();");
        foreach (var member in spec.Members.Where(m => m.Written))
        {
            WriteMember(writer, member, helpers);
        }

        writer.Line("writer.WriteEndObject();");
        writer.Close();
        writer.Line();

        EmitReadValue(writer, spec, helpers);
        writer.Line();
        EmitMatch(writer, spec);

        foreach (var member in spec.Members.Where(m => m.Assignment == PayloadAssignment.InitAccessor))
        {
            writer.Line();
            var target = spec.IsValueType ? "ref " + member.DeclaringType : member.DeclaringType;
            writer.Line(
                "[global::System.Runtime.CompilerServices.UnsafeAccessor(" +
                "global::System.Runtime.CompilerServices.UnsafeAccessorKind.Method, " +
                $"Name = {Literals.String("set_" + member.Name.TrimStart('@'))})]");
            writer.Line(
                $"private static extern void {InitName(member)}({target} target, {member.Type.Declared} value);");
        }

        helpers.Emit(writer);
        return End(writer);
    }

    public static string EmitValueRoot(PayloadRootSpec spec)
    {
        var type = spec.Type!;
        var writer = Begin(type.TypeName, spec.Serializer!);
        var helpers = new Helpers();
        writer.Line("/// <inheritdoc/>");
        writer.Open($"public override void Write({Writer} writer, {type.TypeName} value)");
        writer.Line(WriteValue(type, "value", helpers));
        writer.Close();
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public override {type.TypeName} Read(ref {Reader} reader) => {ReadNotNull(type, helpers)};");
        helpers.Emit(writer);
        return End(writer);
    }

    private static SourceWriter Begin(string typeName, string serializer)
    {
        var writer = new SourceWriter();
        writer.Line("// <auto-generated/>");
        writer.Line("#nullable enable");

        // A payload may keep an obsolete member or type for the rows written before it was deprecated.
        writer.Line("#pragma warning disable CS0612, CS0618");
        writer.Line();
        writer.Open("namespace OutboxGen.Generated");
        var shown = Xml(typeName.Replace("global::", ""));
        writer.Line($"/// <summary>Reads and writes <c>{shown}</c> payloads as JSON.</summary>");
        writer.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"OutboxGen.Generator\", \"0.1.0\")]");
        writer.Open($"internal sealed class {serializer} : {Runtime}OutboxPayloadSerializer<{typeName}>");
        writer.Line("/// <summary>The serializer; it holds no state.</summary>");
        writer.Line($"public static readonly {serializer} Instance = new {serializer}();");
        writer.Line();
        return writer;
    }

    private static string End(SourceWriter writer)
    {
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static void WriteMember(SourceWriter writer, PayloadMemberSpec member, Helpers helpers)
    {
        var value = "value." + member.Name;
        var passed = Forgive(member, value);
        var statements = WriteProperty(member, passed, helpers).Split('\n');
        switch (member.WriteCondition)
        {
            case PayloadWriteCondition.WhenNotNull when member.Type.AcceptsNull || !member.Type.IsValueType:
                writer.Open($"if ({value} is not null)");
                Lines(writer, statements);
                writer.Close();
                break;
            case PayloadWriteCondition.WhenNotDefault:
                writer.Open(
                    $"if (!global::System.Collections.Generic.EqualityComparer<{member.Type.Declared}>.Default" +
                    $".Equals({passed}, default!))");
                Lines(writer, statements);
                writer.Close();
                break;
            default:
                Lines(writer, statements);
                break;
        }
    }

    private static void Lines(SourceWriter writer, string[] lines)
    {
        foreach (var line in lines)
        {
            writer.Line(line);
        }
    }

    /// <summary>The statements writing a member, its name and value, one per line.</summary>
    private static string WriteProperty(PayloadMemberSpec member, string value, Helpers helpers)
    {
        var name = FieldName(member);
        var type = member.Type;
        return type.Kind switch
        {
            PayloadKind.String or PayloadKind.Guid or PayloadKind.DateTimeOffset =>
                $"writer.WriteString({name}, {value});",
            PayloadKind.DateTime => $"writer.WriteString({name}, {WriteHelpers}.ToUtc({value}));",
            PayloadKind.TimeSpan => $"{WriteHelpers}.WriteTimeSpan(writer, {name}, {value});",
            PayloadKind.Boolean => $"writer.WriteBoolean({name}, {value});",
            PayloadKind.Bytes => $"{WriteHelpers}.WriteBytes(writer, {name}, {value});",
            _ when NumberCast(type) is { } cast => $"writer.WriteNumber({name}, {cast}{value});",
            _ => $"writer.WritePropertyName({name});\n{WriteValue(type, value, helpers)}",
        };
    }

    /// <summary>One statement writing a value without a name.</summary>
    private static string WriteValue(PayloadTypeRef type, string value, Helpers helpers) => type.Kind switch
    {
        PayloadKind.String or PayloadKind.Guid or PayloadKind.DateTimeOffset => $"writer.WriteStringValue({value});",
        PayloadKind.DateTime => $"writer.WriteStringValue({WriteHelpers}.ToUtc({value}));",
        PayloadKind.TimeSpan => $"{WriteHelpers}.WriteTimeSpan(writer, {value});",
        PayloadKind.Boolean => $"writer.WriteBooleanValue({value});",
        PayloadKind.Bytes => $"{WriteHelpers}.WriteBytes(writer, {value});",
        PayloadKind.Object => $"{type.Serializer}.WriteValue(writer, {value});",
        _ when NumberCast(type) is { } cast => $"writer.WriteNumberValue({cast}{value});",
        _ => $"{helpers.WriteName(type)}(writer, {value});",
    };

    /// <summary>The cast that picks the writer's overload for a number; null for a type that is not one.</summary>
    private static string? NumberCast(PayloadTypeRef type) => type.Kind switch
    {
        PayloadKind.SByte or PayloadKind.Byte or PayloadKind.Int16 or PayloadKind.UInt16 => "(int)",
        PayloadKind.Int32 or PayloadKind.UInt32 or PayloadKind.Int64 or PayloadKind.UInt64 or PayloadKind.Single
            or PayloadKind.Double or PayloadKind.Decimal => "",
        PayloadKind.Enum => type.Underlying switch
        {
            "uint" => "(uint)",
            "long" => "(long)",
            "ulong" => "(ulong)",
            _ => "(int)",
        },
        _ => null,
    };

    /// <summary>An expression reading the current value, JSON <c>null</c> included when the type accepts it.</summary>
    private static string Read(PayloadTypeRef type, Helpers helpers)
    {
        if (type.Kind == PayloadKind.Nullable)
        {
            var value = ReadNotNull(type.Element!, helpers);
            return $"(reader.TokenType == {Token}.Null ? default({type.TypeName}) : {value})";
        }

        return type.AcceptsNull && !type.IsValueType
            ? $"(reader.TokenType == {Token}.Null ? null : {ReadNotNull(type, helpers)})"
            : ReadNotNull(type, helpers);
    }

    /// <summary>An expression reading the current value, which must not be JSON <c>null</c>.</summary>
    private static string ReadNotNull(PayloadTypeRef type, Helpers helpers) => type.Kind switch
    {
        PayloadKind.String => ReadCall("ReadString"),
        PayloadKind.Boolean => ReadCall("ReadBoolean"),
        PayloadKind.SByte or PayloadKind.Byte or PayloadKind.Int16 or PayloadKind.UInt16 or PayloadKind.Int32
            or PayloadKind.UInt32 or PayloadKind.Int64 or PayloadKind.UInt64 or PayloadKind.Single
            or PayloadKind.Double or PayloadKind.Decimal or PayloadKind.Guid or PayloadKind.DateTime
            or PayloadKind.DateTimeOffset or PayloadKind.TimeSpan => ReadCall("Read" + type.Kind),
        PayloadKind.Bytes => ReadCall("ReadBytes"),
        PayloadKind.Enum => $"({type.TypeName}){ReadCall("Read" + UnderlyingKind(type.Underlying))}",
        PayloadKind.Object => $"{type.Serializer}.ReadValue(ref reader)",
        PayloadKind.Nullable => ReadNotNull(type.Element!, helpers),
        _ => $"{helpers.ReadName(type)}(ref reader)",
    };

    private static string ReadCall(string method) => $"{ReadHelpers}.{method}(ref reader)";

    private static string UnderlyingKind(string? keyword) => keyword switch
    {
        "sbyte" => "SByte",
        "byte" => "Byte",
        "short" => "Int16",
        "ushort" => "UInt16",
        "uint" => "UInt32",
        "long" => "Int64",
        "ulong" => "UInt64",
        _ => "Int32",
    };

    private static void EmitReadValue(SourceWriter writer, PayloadObjectSpec spec, Helpers helpers)
    {
        writer.Line("/// <summary>Reads a JSON object; the reader is on its start and is left on its end.</summary>");
        writer.Open($"internal static {spec.TypeName} ReadValue(ref {Reader} reader)");
        writer.Line($"{ReadHelpers}.ExpectStartObject(ref reader);");
        foreach (var member in spec.Members.Where(m => m.Parameter >= 0 || m.Assignment != PayloadAssignment.None))
        {
            var initial = member.Type.AcceptsNull || member.Type.IsValueType ? "default" : "default!";
            writer.Line($"{member.Type.Declared} {LocalName(member)} = {initial};");
            writer.Line($"var {FlagName(member)} = false;");
        }

        writer.Line("var member = -1;");
        writer.Open("try");
        writer.Open("while (true)");
        writer.Line($"{ReadHelpers}.Next(ref reader);");
        writer.Open($"if (reader.TokenType == {Token}.EndObject)");
        writer.Line("break;");
        writer.Close();
        writer.Line();
        writer.Line($"member = Match({ReadHelpers}.PropertyName(ref reader));");
        writer.Line($"{ReadHelpers}.Next(ref reader);");
        writer.Open("switch (member)");
        for (var i = 0; i < spec.Members.Count; i++)
        {
            var member = spec.Members[i];
            if (member.Parameter < 0 && member.Assignment == PayloadAssignment.None)
            {
                continue;
            }

            writer.Line($"case {i}:");
            writer.Line($"    {LocalName(member)} = {Read(member.Type, helpers)};");
            writer.Line($"    {FlagName(member)} = true;");
            writer.Line("    break;");
        }

        writer.Line("default:");
        writer.Line("    reader.Skip();");
        writer.Line("    break;");
        writer.Close();
        writer.Line();
        writer.Line("member = -1;");
        writer.Close();
        writer.Close();
        writer.Open(
            $"catch (global::System.Exception exception) when (member >= 0 && {ReadHelpers}.IsReadFailure(exception))");
        writer.Line($"throw {ReadHelpers}.AtProperty(exception, JsonNames[member]);");
        writer.Close();

        foreach (var member in spec.Members.Where(m => m.Required))
        {
            writer.Line();
            writer.Open($"if (!{FlagName(member)})");
            writer.Line($"throw {ReadHelpers}.MissingMember({Literals.String(member.JsonName)});");
            writer.Close();
        }

        writer.Line();
        var arguments = spec.Members.Where(m => m.Parameter >= 0).OrderBy(m => m.Parameter)
            .Select(m => m.Required || m.DefaultValue is null
                ? Forgive(m, LocalName(m))
                : Forgive(m, $"{FlagName(m)} ? {LocalName(m)} : {m.DefaultValue}"));
        var initialized = spec.Members.Where(m => m.Assignment == PayloadAssignment.Initializer)
            .Select(m => m.Required
                ? $"{m.Name} = {Forgive(m, LocalName(m))}"
                : $"{m.Name} = {Forgive(m, $"{FlagName(m)} ? {LocalName(m)} : default!")}")
            .ToArray();
        var construct = $"var result = new {spec.TypeName}({string.Join(", ", arguments)})";
        if (initialized.Length == 0)
        {
            writer.Line(construct + ";");
        }
        else
        {
            writer.Line(construct);
            writer.Line("{");
            foreach (var assignment in initialized)
            {
                writer.Line("    " + assignment + ",");
            }

            writer.Line("};");
        }

        foreach (var member in spec.Members.Where(m => m.Parameter < 0))
        {
            if (member.Assignment is PayloadAssignment.Setter or PayloadAssignment.InitAccessor)
            {
                writer.Line();
                writer.Open($"if ({FlagName(member)})");
                writer.Line(member.Assignment == PayloadAssignment.Setter
                    ? $"result.{member.Name} = {Forgive(member, LocalName(member))};"
                    : $"{InitName(member)}({(spec.IsValueType ? "ref " : "")}result, {LocalName(member)});");
                writer.Close();
            }
        }

        writer.Line();
        writer.Line("return result;");
        writer.Close();
    }

    private static void EmitMatch(SourceWriter writer, PayloadObjectSpec spec)
    {
        writer.Line("/// <summary>The index of the member a JSON property name stands for, or -1.</summary>");
        writer.Open("private static int Match(global::System.ReadOnlySpan<byte> name)");
        for (var i = 0; i < spec.Members.Count; i++)
        {
            writer.Open($"if (global::System.MemoryExtensions.SequenceEqual(name, {Utf8Name(spec.Members[i])}))");
            writer.Line($"return {i};");
            writer.Close();
            writer.Line();
        }

        writer.Line($"return {ReadHelpers}.MatchIgnoreCase(name, JsonNames);");
        writer.Close();
    }

    /// <summary>
    /// The expression, with the null-forgiving operator when the member needs it; a conditional expression is
    /// parenthesized first.
    /// </summary>
    private static string Forgive(PayloadMemberSpec member, string expression) => member.Forgiving
        ? expression.Contains(" ") ? "(" + expression + ")!" : expression + "!"
        : expression;

    private static string FieldName(PayloadMemberSpec member) => Pascal(member.Name) + "Name";

    private static string Utf8Name(PayloadMemberSpec member) => Pascal(member.Name) + "Utf8";

    private static string LocalName(PayloadMemberSpec member) => Camel(member.Name) + "Value";

    private static string FlagName(PayloadMemberSpec member) => "has" + Pascal(member.Name);

    private static string InitName(PayloadMemberSpec member) => "Init" + Pascal(member.Name);

    // Property names are unique by ordinal comparison, and only their first letter changes case here, so two
    // members can collide only when they differ in the case of that letter; the underscore keeps those apart.
    private static string Pascal(string name)
    {
        name = name.TrimStart('@');
        return char.IsUpper(name[0]) ? name : "_" + char.ToUpperInvariant(name[0]) + name.Substring(1);
    }

    private static string Camel(string name)
    {
        name = name.TrimStart('@');
        return char.IsLower(name[0]) || name[0] == '_'
            ? "_" + name
            : char.ToLowerInvariant(name[0]) + name.Substring(1);
    }

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>The private methods one serializer needs for its lists, arrays and dictionaries.</summary>
    private sealed class Helpers
    {
        private readonly List<PayloadTypeRef> _types = new();

        public string WriteName(PayloadTypeRef type) => "WriteCollection" + IndexOf(type);

        public string ReadName(PayloadTypeRef type) => "ReadCollection" + IndexOf(type);

        public void Emit(SourceWriter writer)
        {
            // Emitting a helper can add helpers for nested collections, so the list may grow while it is walked.
            for (var i = 0; i < _types.Count; i++)
            {
                writer.Line();
                EmitWrite(writer, _types[i], i);

                // A nullable value is read inline; only collections need a read helper.
                if (_types[i].Kind != PayloadKind.Nullable)
                {
                    writer.Line();
                    EmitRead(writer, _types[i], i);
                }
            }
        }

        private int IndexOf(PayloadTypeRef type)
        {
            var index = _types.IndexOf(type);
            if (index < 0)
            {
                _types.Add(type);
                index = _types.Count - 1;
            }

            return index;
        }

        private void EmitWrite(SourceWriter writer, PayloadTypeRef type, int index)
        {
            var element = type.Element!;
            var parameter = type.Kind == PayloadKind.Nullable ? type.TypeName : type.TypeName + "?";
            writer.Open($"private static void WriteCollection{index}({Writer} writer, {parameter} value)");
            if (type.Kind == PayloadKind.Nullable)
            {
                writer.Open("if (value is { } present)");
                writer.Line(WriteValue(element, "present", this));
                writer.Close();
                writer.Open("else");
                writer.Line("writer.WriteNullValue();");
                writer.Close();
                writer.Close();
                return;
            }

            writer.Open("if (value is null)");
            writer.Line("writer.WriteNullValue();");
            writer.Line("return;");
            writer.Close();
            writer.Line();
            if (type.Kind == PayloadKind.Dictionary)
            {
                writer.Line("writer.WriteStartObject();");
                writer.Open("foreach (var pair in value)");
                writer.Line("writer.WritePropertyName(pair.Key);");
                writer.Line(WriteValue(element, "pair.Value", this));
                writer.Close();
                writer.Line("writer.WriteEndObject();");
            }
            else if (type.Indexable && type.Kind == PayloadKind.List)
            {
                writer.Line("writer.WriteStartArray();");
                writer.Open("for (var i = 0; i < value.Count; i++)");
                writer.Line(WriteValue(element, "value[i]", this));
                writer.Close();
                writer.Line("writer.WriteEndArray();");
            }
            else
            {
                writer.Line("writer.WriteStartArray();");
                writer.Open("foreach (var item in value)");
                writer.Line(WriteValue(element, "item", this));
                writer.Close();
                writer.Line("writer.WriteEndArray();");
            }

            writer.Close();
        }

        private void EmitRead(SourceWriter writer, PayloadTypeRef type, int index)
        {
            var element = type.Element!;
            var concrete = type.ConcreteType ?? "global::System.Collections.Generic.List<" + element.Declared + ">";
            var dictionary = type.Kind == PayloadKind.Dictionary;
            writer.Open($"private static {(type.Kind == PayloadKind.Array ? type.TypeName : concrete)} " +
                $"ReadCollection{index}(ref {Reader} reader)");
            writer.Line($"{ReadHelpers}.{(dictionary ? "ExpectStartObject" : "ExpectStartArray")}(ref reader);");
            writer.Line($"var items = new {concrete}();");
            writer.Line(dictionary ? "string? key = null;" : "var index = 0;");
            writer.Open("try");
            writer.Open("while (true)");
            writer.Line($"{ReadHelpers}.Next(ref reader);");
            writer.Open($"if (reader.TokenType == {(dictionary ? Token + ".EndObject" : Token + ".EndArray")})");
            writer.Line("break;");
            writer.Close();
            writer.Line();
            if (dictionary)
            {
                writer.Line("key = reader.GetString()!;");
                writer.Line($"{ReadHelpers}.Next(ref reader);");
                writer.Line($"items[key] = {Read(element, this)};");
                writer.Line("key = null;");
            }
            else
            {
                writer.Line($"items.Add({Read(element, this)});");
                writer.Line("index++;");
            }

            writer.Close();
            writer.Close();
            writer.Open(dictionary
                ? "catch (global::System.Exception exception) " +
                    $"when (key is not null && {ReadHelpers}.IsReadFailure(exception))"
                : $"catch (global::System.Exception exception) when ({ReadHelpers}.IsReadFailure(exception))");
            writer.Line(dictionary
                ? $"throw {ReadHelpers}.AtProperty(exception, key);"
                : $"throw {ReadHelpers}.AtIndex(exception, index);");
            writer.Close();
            writer.Line();
            writer.Line(type.Kind == PayloadKind.Array ? "return items.ToArray();" : "return items;");
            writer.Close();
        }
    }
}
