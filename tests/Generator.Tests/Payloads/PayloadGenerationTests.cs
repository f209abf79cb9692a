namespace OutboxGen.Generator.Tests.Payloads;

/// <summary>
/// The serializers the generator writes, compared with golden files under <c>Payloads/Snapshots/</c> and compiled
/// with every warning on; and what it writes instead for a payload it cannot handle.
/// </summary>
public sealed class PayloadGenerationTests
{
    private const string Shapes = """
        using System.Text.Json.Serialization;

        namespace Shop.Audit;

        public enum Severity : byte { Low, High }

        public sealed record AuditEntry(
            long EventId,
            string Action,
            Actor Actor,
            IReadOnlyList<Change> Changes,
            DateTime OccurredAt,
            Severity Severity,
            string? Note = null,
            int Attempt = 1);

        public sealed record Actor(long UserId, string Email, Guid? Session);

        public readonly record struct Change(string Field, string? Before, string? After);

        public sealed class Envelope
        {
            public required string Kind { get; init; }

            public string Source { get; init; } = "cell";

            [JsonPropertyName("sent_at")]
            public DateTimeOffset SentAt { get; set; }

            public TimeSpan Delay { get; set; }

            public byte[]? Signature { get; set; }

            public Dictionary<string, decimal> Totals { get; set; } = [];

            public int[][] Grid { get; set; } = [];

            [JsonIgnore]
            public string Cache { get; set; } = "";

            [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
            public AuditEntry? Entry { get; set; }

            public int Count => Totals.Count;
        }

        public static class AuditReceivers
        {
            [OutboxReceiver(Category.AuditLogEvent)]
            public static Task RecordAsync(AuditEntry entry, OutboxMessage message, CancellationToken ct) =>
                Task.CompletedTask;

            [OutboxReceiver(Category.SendSignal)]
            public static Task SignalAsync(Envelope? envelope, OutboxMessage message, CancellationToken ct) =>
                Task.CompletedTask;

            [OutboxReceiver(Category.UserUpdate)]
            public static Task UsersAsync(List<long> ids, OutboxMessage message, CancellationToken ct) =>
                Task.CompletedTask;
        }
        """;

    private const string Unsupported = """
        namespace Shop;

        public interface IShape { }

        public sealed class Drawing
        {
            public IShape? Shape { get; set; }
        }

        public sealed class Callback
        {
            public Func<int>? Next { get; set; }
        }

        public static class Receivers
        {
            [OutboxReceiver(Category.AuditLogEvent)]
            public static Task DrawAsync(Drawing drawing, OutboxMessage message, CancellationToken ct) =>
                Task.CompletedTask;

            [OutboxReceiver(Category.SendSignal)]
            public static Task CallAsync(Callback? callback, OutboxMessage message, CancellationToken ct) =>
                Task.CompletedTask;
        }
        """;

    [Fact]
    public void Serializers_of_every_shape_match_their_golden_files_and_compile_cleanly()
    {
        var run = GeneratorRun.Of(TestSources.Registry, Shapes);

        run.AssertClean();
        SnapshotAssert.Matches(run);
    }

    [Fact]
    public void Each_payload_type_gets_one_serializer_and_nested_types_get_theirs()
    {
        var run = GeneratorRun.Of(TestSources.Registry, Shapes);

        var payloadFiles = run.HintNames.Where(h => h.StartsWith("OutboxGen.Payload.", StringComparison.Ordinal));

        Assert.Equal(
            [
                "OutboxGen.Payload.Shop_Audit_ActorSerializer.g.cs",
                "OutboxGen.Payload.Shop_Audit_AuditEntrySerializer.g.cs",
                "OutboxGen.Payload.Shop_Audit_ChangeSerializer.g.cs",
                "OutboxGen.Payload.Shop_Audit_EnvelopeSerializer.g.cs",
                "OutboxGen.Payload.System_Collections_Generic_List_Of_long_Serializer.g.cs",
            ],
            payloadFiles);
    }

    [Fact]
    public void The_registry_reads_payloads_with_the_generated_serializers_and_lists_them()
    {
        var run = GeneratorRun.Of(TestSources.Registry, Shapes);

        var registry = run.Sources[GeneratorRun.RegistryHintName];

        Assert.Contains("AuditEntrySerializer.Instance.DeserializeRequired(", registry, StringComparison.Ordinal);
        Assert.Contains("Shop_Audit_EnvelopeSerializer.Instance.Deserialize(", registry, StringComparison.Ordinal);
        Assert.Contains("PayloadSerializers = ", registry, StringComparison.Ordinal);
        Assert.DoesNotContain("OutboxPayload.", registry, StringComparison.Ordinal);
    }

    [Fact]
    public void A_payload_the_generator_cannot_handle_gets_no_serializer_and_is_read_by_reflection()
    {
        var run = GeneratorRun.Of(TestSources.Registry, Unsupported);

        var registry = run.Sources[GeneratorRun.RegistryHintName];

        run.AssertClean();
        Assert.DoesNotContain(run.HintNames, h => h.StartsWith("OutboxGen.Payload.", StringComparison.Ordinal));
        Assert.Contains(
            "global::OutboxGen.OutboxPayload.DeserializeRequired<global::Shop.Drawing>(",
            registry,
            StringComparison.Ordinal);
        Assert.Contains(
            "global::OutboxGen.OutboxPayload.Deserialize<global::Shop.Callback>(",
            registry,
            StringComparison.Ordinal);
        Assert.DoesNotContain("PayloadSerializers", registry, StringComparison.Ordinal);
    }

    [Fact]
    public void An_enum_written_as_strings_by_its_converter_keeps_the_reflection_path()
    {
        var source = """
            using System.Text.Json.Serialization;

            namespace Shop;

            [JsonConverter(typeof(JsonStringEnumConverter<Mood>))]
            public enum Mood { Calm, Angry }

            public sealed record Feeling(Mood Mood);

            public static class Receivers
            {
                [OutboxReceiver(Category.AuditLogEvent)]
                public static Task OnFeelingAsync(Feeling feeling, OutboxMessage message, CancellationToken ct) =>
                    Task.CompletedTask;
            }
            """;

        var run = GeneratorRun.Of(TestSources.Registry, source);

        run.AssertClean();
        Assert.DoesNotContain(run.HintNames, h => h.StartsWith("OutboxGen.Payload.", StringComparison.Ordinal));
        Assert.Contains(
            "global::OutboxGen.OutboxPayload.DeserializeRequired<global::Shop.Feeling>(",
            run.Sources[GeneratorRun.RegistryHintName],
            StringComparison.Ordinal);
    }

    [Fact]
    public void Payload_types_that_differ_only_in_nullable_annotations_get_a_serializer_each()
    {
        var source = """
            namespace Shop;

            public static class Receivers
            {
                [OutboxReceiver(Category.AuditLogEvent)]
                public static Task OnNamesAsync(List<string> names, OutboxMessage message, CancellationToken ct) =>
                    Task.CompletedTask;

                [OutboxReceiver(Category.SendSignal)]
                public static Task OnMaybeAsync(List<string?> names, OutboxMessage message, CancellationToken ct) =>
                    Task.CompletedTask;
            }
            """;

        var run = GeneratorRun.Of(TestSources.Registry, source);

        run.AssertClean();
        Assert.Contains("OutboxGen.Payload.System_Collections_Generic_List_Of_string_Serializer.g.cs", run.HintNames);
        Assert.Contains(
            "OutboxGen.Payload.System_Collections_Generic_List_Of_string_Nullable_Serializer.g.cs",
            run.HintNames);
        Assert.Single(run.LoadRegistry().PayloadSerializers.PayloadTypes);
    }

    [Fact]
    public void Payload_types_outside_the_nullable_context_compile_cleanly()
    {
        var source = """
            #nullable disable
            namespace Shop;

            public sealed class Legacy
            {
                public string Name { get; set; }

                public List<string> Tags { get; set; }

                public Dictionary<string, Legacy> Children { get; set; }
            }

            public static class Receivers
            {
                [OutboxReceiver(Category.AuditLogEvent)]
                public static Task OnLegacyAsync(Legacy legacy, OutboxMessage message, CancellationToken ct) =>
                    Task.CompletedTask;
            }
            """;

        var run = GeneratorRun.Of(TestSources.Registry, source);

        run.AssertClean();
        Assert.Contains("OutboxGen.Payload.Shop_LegacySerializer.g.cs", run.HintNames);
    }

    [Fact]
    public void Required_members_set_by_the_constructor_and_obsolete_members_compile_cleanly()
    {
        var source = """
            using System.Diagnostics.CodeAnalysis;

            namespace Shop;

            public sealed class Registration
            {
                public Registration(string email)
                {
                    Email = email;
                }

                public required string Email { get; init; }

                [Obsolete("Kept for rows written before the rename.")]
                public string? Code { get; set; }
            }

            public sealed class Preset
            {
                [SetsRequiredMembers]
                public Preset()
                {
                    Name = "default";
                }

                public required string Name { get; init; }
            }

            public sealed record Signup(Registration Registration, Preset Preset);

            public static class Receivers
            {
                [OutboxReceiver(Category.AuditLogEvent)]
                public static Task OnSignupAsync(Signup signup, OutboxMessage message, CancellationToken ct) =>
                    Task.CompletedTask;
            }
            """;

        var run = GeneratorRun.Of(TestSources.Registry, source);

        run.AssertClean();
        Assert.Contains("Email = emailValue,", run.Sources["OutboxGen.Payload.Shop_RegistrationSerializer.g.cs"]);
        Assert.DoesNotContain("MissingMember(\"name\")", run.Sources["OutboxGen.Payload.Shop_PresetSerializer.g.cs"]);
    }

    [Fact]
    public void Awkward_member_names_and_generic_payloads_compile_cleanly()
    {
        var source = """
            namespace Shop;

            public sealed class Page<T>
            {
                public IReadOnlyList<T> Items { get; init; } = [];

                public int Total { get; init; }
            }

            public sealed class Odd
            {
                public int @class { get; set; }

                public int Value { get; set; }

                [System.Text.Json.Serialization.JsonPropertyName("value2")]
                public int value { get; set; }

                public int Member { get; set; }

                public string? Reader { get; set; }
            }

            public static class Receivers
            {
                [OutboxReceiver(Category.AuditLogEvent)]
                public static Task OnPageAsync(Page<Odd> page, OutboxMessage message, CancellationToken ct) =>
                    Task.CompletedTask;
            }
            """;

        var run = GeneratorRun.Of(TestSources.Registry, source);

        run.AssertClean();
        Assert.Contains("OutboxGen.Payload.Shop_Page_Of_Shop_Odd_Serializer.g.cs", run.HintNames);
    }
}
