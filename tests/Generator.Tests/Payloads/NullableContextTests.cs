using System.Text;

namespace OutboxGen.Generator.Tests.Payloads;

/// <summary>
/// Generic payload types compiled with nullable annotations off for the whole project, and on with a nullable type
/// argument: the generated serializers compile without a warning either way, and match their golden files.
/// </summary>
public sealed class NullableContextTests
{
    private const string GenericPayloads = """
        namespace Shop;

        public sealed record Wrap<T>(T Value, List<T> Many);

        public sealed record Plain(string Name, List<string> Tags);

        public sealed class Box<T>
        {
            public T[] Items { get; set; } = [];

            public Dictionary<string, T> ByName { get; init; } = new();

            public T Single { get; set; } = default!;
        }

        public sealed class Keyed<TKey>
        {
            public Dictionary<TKey, int> Counts { get; set; } = new();
        }

        [Replicated(Category.OrganizationMemberUpdate)]
        public sealed partial class Member
        {
            public long Id { get; set; }

            public long OrganizationId { get; set; }

            public Wrap<string> PayloadForUpdate() => new("a", new List<string>());

            public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                Task.CompletedTask;

            public static Task HandleDeletionAsync(
                DeletionContext<Wrap<string>> context,
                CancellationToken cancellationToken) =>
                Task.CompletedTask;
        }

        [Replicated(Category.OrganizationUpdate)]
        public sealed partial class Organization
        {
            public long Id { get; set; }

            public long OrganizationId { get; set; }

            public List<string> PayloadForUpdate() => new List<string>();

            public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                Task.CompletedTask;

            public static Task HandleDeletionAsync(
                DeletionContext<List<string>> context,
                CancellationToken cancellationToken) =>
                Task.CompletedTask;
        }

        public static class Receivers
        {
            [OutboxReceiver(Category.AuditLogEvent)]
            public static Task OnWrapAsync(Wrap<string> entry, OutboxMessage message, CancellationToken ct) =>
                Task.CompletedTask;

            [OutboxReceiver(Category.ProjectUpdate)]
            public static Task OnPlainAsync(Plain entry, OutboxMessage message, CancellationToken ct) =>
                Task.CompletedTask;

            [OutboxReceiver(Category.SendSignal)]
            public static Task OnKeyedAsync(Keyed<string> keyed, OutboxMessage message, CancellationToken ct) =>
                Task.CompletedTask;

            [OutboxReceiver(Category.TeamUpdate)]
            public static Task OnBoxAsync(Box<Plain> box, OutboxMessage message, CancellationToken ct) =>
                Task.CompletedTask;

            [OutboxReceiver(Category.UserUpdate)]
            public static Task OnNamesAsync(List<Wrap<string>> names, OutboxMessage message, CancellationToken ct) =>
                Task.CompletedTask;
        }
        """;

    private const string NullableArguments = """
        namespace Shop;

        public sealed record Wrap<T>(T Value, List<T> Many);

        public sealed class Box<T>
        {
            public T[] Items { get; set; } = [];

            public Dictionary<string, T> ByName { get; init; } = new();

            public T Single { get; set; } = default!;
        }

        public static class Receivers
        {
            [OutboxReceiver(Category.AuditLogEvent)]
            public static Task OnWrapAsync(Wrap<string?> entry, OutboxMessage message, CancellationToken ct) =>
                Task.CompletedTask;

            [OutboxReceiver(Category.ProjectUpdate)]
            public static Task OnStrictAsync(Wrap<string> entry, OutboxMessage message, CancellationToken ct) =>
                Task.CompletedTask;

            [OutboxReceiver(Category.TeamUpdate)]
            public static Task OnBoxAsync(Box<string?> box, OutboxMessage message, CancellationToken ct) =>
                Task.CompletedTask;
        }

        public sealed class Keyed<TKey>
            where TKey : notnull
        {
            public Dictionary<TKey, int> Counts { get; set; } = new();
        }
        """;

    private const string ObliviousReceiver = """
        #nullable disable
        namespace Shop;

        public static class ObliviousReceivers
        {
            [OutboxReceiver(Category.UserUpdate)]
            public static Task OnWrapAsync(Wrap<string> entry, OutboxMessage message, CancellationToken ct) =>
                Task.CompletedTask;

            [OutboxReceiver(Category.SendSignal)]
            public static Task OnKeyedAsync(Keyed<string> keyed, OutboxMessage message, CancellationToken ct) =>
                Task.CompletedTask;
        }
        """;

    [Fact]
    public void Generic_payloads_compile_cleanly_in_a_project_with_nullable_annotations_off()
    {
        var sources = Run(NullableContextOptions.Disable, TestSources.Registry, GenericPayloads);

        SnapshotAssert.Matches(Payloads(sources), SnapshotDirectory(), nameof(
            Generic_payloads_compile_cleanly_in_a_project_with_nullable_annotations_off), SnapshotAssert.Accepting);
    }

    [Fact]
    public void A_type_argument_declared_without_annotations_accepts_null()
    {
        var input = GeneratorRun.Compile(TestSources.Registry, GenericPayloads);
        input = input.WithOptions(input.Options.WithNullableContextOptions(NullableContextOptions.Disable));
        GeneratorRun.CreateDriver().RunGeneratorsAndUpdateCompilation(input, out var output, out _);

        var read = Deserialize(
            output,
            "Shop_Wrap_Of_string_Nullable_Serializer",
            """{"value":null,"many":["a",null]}""");

        Assert.Equal(new string?[] { null, "a", null }, read);
    }

    [Fact]
    public void A_deletion_handler_gets_its_payload_as_it_spells_the_type()
    {
        var sources = Run(NullableContextOptions.Disable, TestSources.Registry, GenericPayloads);

        var registry = sources[GeneratorRun.RegistryHintName];

        Assert.Contains(
            "var payload = (global::Shop.Wrap<string>?)global::OutboxGen.Generated." +
                "Shop_Wrap_Of_string_Nullable_Serializer.Instance.Deserialize(delivery.Message.Payload)!;",
            registry,
            StringComparison.Ordinal);
        Assert.Contains(
            "var payload = (global::System.Collections.Generic.List<string>?)global::OutboxGen.Generated." +
                "System_Collections_Generic_List_Of_string_Nullable_Serializer.Instance.Deserialize(" +
                "delivery.Message.Payload)!;",
            registry,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Generic_payloads_with_nullable_type_arguments_compile_cleanly()
    {
        var sources = Run(NullableContextOptions.Enable, TestSources.Registry, NullableArguments, ObliviousReceiver);

        SnapshotAssert.Matches(Payloads(sources), SnapshotDirectory(), nameof(
            Generic_payloads_with_nullable_type_arguments_compile_cleanly), SnapshotAssert.Accepting);
    }

    /// <summary>
    /// Runs the generator on the sources compiled with the given nullable context, asserts that the output compiles
    /// without an error or a warning, and returns the generated sources by hint name.
    /// </summary>
    private static ImmutableSortedDictionary<string, string> Run(
        NullableContextOptions nullable,
        params string[] sources)
    {
        var input = GeneratorRun.Compile(sources);
        input = input.WithOptions(input.Options.WithNullableContextOptions(nullable));

        var driver = GeneratorRun.CreateDriver()
            .RunGeneratorsAndUpdateCompilation(input, out var output, out var driverDiagnostics);

        Assert.Empty(driverDiagnostics);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(problems.Length == 0, "The output does not compile cleanly:\n" + Describe(problems));
        return driver.GetRunResult().Results.Single().GeneratedSources
            .ToImmutableSortedDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Emits the output, reads the JSON with a generated serializer of a <c>Wrap</c>, and returns its value followed
    /// by the items of its list.
    /// </summary>
    private static string?[] Deserialize(Compilation output, string serializer, string json)
    {
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, "The output does not emit:\n" + Describe(emitted.Diagnostics));
        image.Position = 0;
        var context = new System.Runtime.Loader.AssemblyLoadContext("OutboxGen.Tests.Nullable", isCollectible: true);
        try
        {
            var type = context.LoadFromStream(image).GetType("OutboxGen.Generated." + serializer, throwOnError: true)!;
            var instance = type.GetField("Instance")!.GetValue(null)!;
            var deserialize = type.GetMethod("Deserialize", [typeof(string)])!;
            var wrap = deserialize.Invoke(instance, [json])!;
            var value = (string?)wrap.GetType().GetProperty("Value")!.GetValue(wrap);
            var many = (IEnumerable<string?>)wrap.GetType().GetProperty("Many")!.GetValue(wrap)!;
            return [value, .. many];
        }
        finally
        {
            context.Unload();
        }
    }

    private static ImmutableSortedDictionary<string, string> Payloads(
        ImmutableSortedDictionary<string, string> sources) =>
        sources.Where(s => s.Key.StartsWith("OutboxGen.Payload.", StringComparison.Ordinal))
            .ToImmutableSortedDictionary(StringComparer.Ordinal);

    private static string Describe(IEnumerable<Diagnostic> diagnostics)
    {
        var text = new StringBuilder();
        foreach (var diagnostic in diagnostics)
        {
            text.Append("  ").Append(diagnostic).Append('\n');
            var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
            if (diagnostic.Location.SourceTree is { } tree)
            {
                text.Append("    ").Append(tree.GetText().Lines[line].ToString().Trim()).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string SnapshotDirectory([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.Combine(Path.GetDirectoryName(file)!, "Snapshots");
}
