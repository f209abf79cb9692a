namespace OutboxGen.Analyzers.Tests;

public sealed class PayloadAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using System.Threading;
        using System.Threading.Tasks;
        using OutboxGen;

        """;

    private static Task VerifyAsync(string source) =>
        Verify<PayloadAnalyzer>.DiagnosticsAsync(Sources.Registry, Sources.Member, Usings + source);

    private static string Receiving(string payloadType, string category = "UserUpdate") => $$"""

        public static class {{category}}Receivers
        {
            [OutboxReceiver(Category.{{category}}, Silo = OutboxSilo.Control)]
            public static Task OnPayloadAsync({{payloadType}} payload, OutboxMessage message, CancellationToken ct) =>
                Task.CompletedTask;
        }
        """;

    [Fact]
    public async Task Payloads_of_supported_shapes_report_nothing()
    {
        var source = """
            public enum Level { Low, High }

            public sealed record Entry(
                long Id,
                string? Note,
                Level Level,
                DateTime At,
                TimeSpan Took,
                Guid? Session,
                byte[] Data,
                IReadOnlyList<Line> Lines,
                Dictionary<string, decimal?> Totals,
                int Attempt = 1);

            public readonly record struct Line(string Text, int Number);

            public sealed class Holder
            {
                public required string Name { get; init; }

                [JsonIgnore]
                public Action? Ignored { get; set; }

                public int Computed => Name.Length;
            }
            """ + Receiving("Entry") + Receiving("Holder?", "OrganizationUpdate")
            + Receiving("List<long>", "SendSignal");

        await VerifyAsync(source);
    }

    [Fact]
    public async Task A_member_of_an_unsupported_type_is_reported_on_the_member()
    {
        var source = """
            public interface IShape { }

            public sealed class Drawing
            {
                public Func<int>? {|OBX201:Callback|} { get; set; }

                public IShape? {|OBX201:Shape|} { get; set; }

                public object? {|OBX201:Anything|} { get; set; }

                public Dictionary<int, string> {|OBX201:ByNumber|} { get; set; } = new();

                public Uri? {|OBX201:Link|} { get; set; }
            }
            """ + Receiving("Drawing");

        await VerifyAsync(source);
    }

    [Fact]
    public async Task A_collection_type_other_than_the_supported_ones_is_reported()
    {
        var source = """
            public sealed class Tags : List<string>
            {
            }

            public sealed class Tagged
            {
                public Tags {|OBX201:Tags|} { get; set; } = new();

                public HashSet<int> {|OBX201:Numbers|} { get; set; } = new();
            }
            """ + Receiving("Tagged");

        await VerifyAsync(source);
    }

    [Fact]
    public async Task Members_included_by_JsonInclude_keep_the_reflection_path()
    {
        var source = """
            public sealed class Counter
            {
                [JsonInclude]
                public int {|OBX204:Count|};

                [JsonInclude]
                internal string {|OBX204:Label|} { get; set; } = "";

                [JsonInclude]
                public string Name { get; set; } = "";
            }
            """ + Receiving("Counter");

        await VerifyAsync(source);
    }

    [Fact]
    public async Task A_nested_member_is_reported_once_however_many_payloads_reach_it()
    {
        var source = """
            public sealed class Inner
            {
                public Action? {|OBX201:Run|} { get; set; }
            }

            public sealed record Outer(Inner Inner, List<Inner> Others);
            """ + Receiving("Outer") + Receiving("Inner", "OrganizationUpdate");

        await VerifyAsync(source);
    }

    [Fact]
    public async Task An_unsupported_payload_type_itself_is_reported_on_the_parameter()
    {
        var source = Receiving("{|OBX201:Func<int>|}")
            + Receiving("{|OBX201:object|}", "OrganizationUpdate");

        await VerifyAsync(source);
    }

    [Fact]
    public async Task The_unsupported_type_message_says_what_to_do_where_it_is_reported()
    {
        var source = """
            public sealed class Drawing
            {
                public Func<int>? Callback { get; set; }
            }

            [Replicated(Category.OrganizationUpdate)]
            public partial class Organization
            {
                public long Id { get; set; }

                public long OrganizationId { get; set; }

                public Action PayloadForUpdate() => () => { };

                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                public static Task HandleDeletionAsync(DeletionContext<Action> context, CancellationToken ct) =>
                    Task.CompletedTask;
            }
            """ + Receiving("Drawing") + Receiving("object", "SendSignal")
            + Receiving("OutboxMessage", "OrganizationMemberUpdate");
        DiagnosticResult Unsupported(int line, int column, int length, params object[] arguments) =>
            Verify<PayloadAnalyzer>.Diagnostic(DiagnosticDescriptors.UnsupportedPayloadType)
                .WithSpan("/0/Test2.cs", line, column, line, column + length)
                .WithArguments(arguments);

        await Verify<PayloadAnalyzer>.DiagnosticsAsync(
            [Sources.Registry, Sources.Member, Usings + source],
            [
                Unsupported(
                    9, 23, 8, "Drawing.Callback", "Func<int>?", "is a delegate",
                    "use a supported type or mark the member [JsonIgnore]"),
                Unsupported(
                    19, 12, 6, "PayloadForUpdate", "Action", "is a delegate",
                    "return a supported payload type instead"),
                Unsupported(
                    36, 39, 6, "payload", "object", "is object, whose shape is not known at compile time",
                    "take a supported payload type instead"),
                Unsupported(
                    42, 39, 13, "OutboxMessage.Services", "IServiceProvider",
                    "is an interface with no known implementation",
                    "take a payload type that does not reach this member, which is declared outside the project"),
            ]);
    }

    [Fact]
    public async Task A_payload_type_without_a_usable_constructor_is_reported_on_the_type()
    {
        var source = """
            public sealed class {|OBX202:TwoWays|}
            {
                public TwoWays(int number) => Number = number;

                public TwoWays(string text) => Text = text;

                public int Number { get; }

                public string Text { get; } = "";
            }

            public sealed class {|OBX202:Mismatched|}
            {
                public Mismatched(int count) => Total = count;

                public int Total { get; }
            }

            public sealed record Both(TwoWays First, Mismatched Second);
            """ + Receiving("Both");

        await VerifyAsync(source);
    }

    [Fact]
    public async Task A_required_member_the_reader_cannot_set_makes_the_type_unusable()
    {
        var source = """
            public sealed class {|OBX202:Hidden|}
            {
                [JsonIgnore]
                public required string Secret { get; set; }

                public string Name { get; set; } = "";
            }
            """ + Receiving("Hidden");

        await VerifyAsync(source);
    }

    [Fact]
    public async Task Two_members_with_one_json_name_are_reported_on_the_second()
    {
        var source = """
            public sealed class Names
            {
                public string Email { get; set; } = "";

                [JsonPropertyName("EMAIL")]
                public string {|OBX203:Address|} { get; set; } = "";
            }
            """ + Receiving("Names");

        await VerifyAsync(source);
    }

    [Fact]
    public async Task A_system_text_json_attribute_the_generated_code_does_not_honour_is_a_warning()
    {
        var source = """
            public sealed class Upper : JsonConverter<string>
            {
                public override string Read(
                    ref System.Text.Json.Utf8JsonReader reader,
                    Type type,
                    System.Text.Json.JsonSerializerOptions options) =>
                    reader.GetString()!.ToUpperInvariant();

                public override void Write(
                    System.Text.Json.Utf8JsonWriter writer,
                    string value,
                    System.Text.Json.JsonSerializerOptions options) =>
                    writer.WriteStringValue(value.ToUpperInvariant());
            }

            public sealed class Shouting
            {
                [JsonConverter(typeof(Upper))]
                public string {|OBX204:Text|} { get; set; } = "";
            }
            """ + Receiving("Shouting");

        await VerifyAsync(source);
    }

    [Fact]
    public async Task A_converter_on_a_payload_enum_or_object_type_is_a_warning_on_the_type()
    {
        var source = """
            [JsonConverter(typeof(JsonStringEnumConverter<Mood>))]
            public enum {|OBX204:Mood|} { Calm, Angry }

            [JsonConverter(typeof(JsonStringEnumConverter<Mood>))]
            public sealed class {|OBX204:Wrapped|}
            {
                public int Value { get; set; }
            }

            public sealed class Feeling
            {
                public Mood Mood { get; set; }

                public Wrapped? Wrapped { get; set; }
            }
            """ + Receiving("Feeling");

        await VerifyAsync(source);
    }

    [Fact]
    public async Task The_payload_of_a_replicated_model_is_checked_at_its_return_type()
    {
        var source = """
            [Replicated(Category.OrganizationUpdate)]
            public partial class Organization
            {
                public long Id { get; set; }

                public long OrganizationId { get; set; }

                public {|OBX201:Action|} PayloadForUpdate() => () => { };

                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                public static Task HandleDeletionAsync(DeletionContext<Action> context, CancellationToken ct) =>
                    Task.CompletedTask;
            }
            """;

        await VerifyAsync(source);
    }
}
