namespace OutboxGen.Generator.Tests.Payloads;

/// <summary>
/// The payload steps stay cached on edits that change no payload type, and an edit of one payload type rewrites
/// that type's serializer only.
/// </summary>
public sealed class PayloadCachingTests
{
    private const string PayloadsPath = "Input1.cs";

    private const string Payloads = """
        namespace Shop;

        public sealed record MemberPayload(string Email, Actor ChangedBy);

        public sealed record Actor(long UserId, string Name);

        public sealed record AuditEntry(long EventId, IReadOnlyList<string> Tags);

        [Replicated(Category.OrganizationMemberUpdate)]
        public partial class OrganizationMember
        {
            public long Id { get; set; }

            public long OrganizationId { get; set; }

            public string Email { get; set; } = "";

            public MemberPayload PayloadForUpdate() => new(Email, new Actor(1, "system"));

            public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken)
            {
                return Task.CompletedTask;
            }

            public static Task HandleDeletionAsync(
                DeletionContext<MemberPayload> context,
                CancellationToken cancellationToken) =>
                Task.CompletedTask;
        }

        public static class AuditLogReceivers
        {
            [OutboxReceiver(Category.AuditLogEvent)]
            public static Task RecordAsync(AuditEntry entry, OutboxMessage message, CancellationToken token) =>
                Task.CompletedTask;
        }
        """;

    private static readonly string[] PayloadSteps =
    [
        OutboxGenerator.Steps.ModelPayloads,
        OutboxGenerator.Steps.ReceiverPayloads,
        OutboxGenerator.Steps.PayloadCatalog,
        OutboxGenerator.Steps.PayloadObjects,
        OutboxGenerator.Steps.PayloadBindings,
    ];

    public static TheoryData<string, string> StepsAndEdits
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var step in PayloadSteps)
            {
                data.Add(step, "new tree");
                data.Add(step, "method body");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(StepsAndEdits))]
    public void An_edit_that_changes_no_payload_type_leaves_the_payload_steps_cached(string step, string edit)
    {
        var (driver, input) = RunOnce();
        var edited = edit == "new tree"
            ? input.AddSyntaxTrees(GeneratorRun.Parse("namespace Shop.Reports; static class Empty { }", "Input9.cs"))
            : Replace(input, "return Task.CompletedTask;", "var unused = 1; return Task.CompletedTask;");

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var outputs = result.TrackedSteps[step].SelectMany(r => r.Outputs).ToArray();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.True(
            output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"An output of {step} is {output.Reason} after an edit of the {edit}."));
    }

    [Fact]
    public void Editing_one_payload_type_rewrites_its_serializer_and_no_other_file()
    {
        var (driver, input) = RunOnce();
        var edited = Replace(input, "Actor(long UserId, string Name)", "Actor(long UserId, string DisplayName)");

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var objects = result.TrackedSteps[OutboxGenerator.Steps.PayloadObjects].SelectMany(r => r.Outputs).ToArray();
        var modified = objects.Where(o => o.Reason == IncrementalStepRunReason.Modified)
            .Select(o => ((Generator.Payloads.PayloadObjectSpec)o.Value).Serializer);
        Assert.Equal(["Shop_ActorSerializer"], modified);
        var bindings = result.TrackedSteps[OutboxGenerator.Steps.PayloadBindings].SelectMany(r => r.Outputs);
        Assert.All(bindings, output => Assert.Equal(IncrementalStepRunReason.Unchanged, output.Reason));
    }

    [Fact]
    public void Editing_a_payload_type_in_another_file_than_its_receiver_rewrites_its_serializer()
    {
        const string Path = "Input9.cs";
        var (driver, input) = RunOnce();
        input = input.AddSyntaxTrees(GeneratorRun.Parse("namespace Shop; public record Extra(int Count);", Path));
        driver = driver.RunGenerators(input);
        var receiver = GeneratorRun.Parse(
            """
            namespace Shop;

            public static class ExtraReceivers
            {
                [OutboxReceiver(Category.SendSignal)]
                public static Task OnExtraAsync(Extra extra, OutboxMessage message, CancellationToken token) =>
                    Task.CompletedTask;
            }
            """,
            "Input8.cs");
        input = input.AddSyntaxTrees(receiver);
        driver = driver.RunGenerators(input);
        var tree = input.SyntaxTrees.Single(t => t.FilePath == Path);
        var edited = input.ReplaceSyntaxTree(
            tree,
            GeneratorRun.Parse("namespace Shop; public record Extra(int Count, string Label);", Path));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var extra = result.GeneratedSources.Single(s => s.HintName == "OutboxGen.Payload.Shop_ExtraSerializer.g.cs");
        Assert.Contains("LabelName", extra.SourceText.ToString(), StringComparison.Ordinal);
    }

    private static (GeneratorDriver Driver, Compilation Input) RunOnce()
    {
        var input = GeneratorRun.Compile(TestSources.Registry, Payloads);
        return (GeneratorRun.CreateDriver().RunGenerators(input), input);
    }

    private static Compilation Replace(Compilation input, string oldText, string newText)
    {
        var tree = input.SyntaxTrees.Single(t => t.FilePath == PayloadsPath);
        var text = tree.GetText().ToString();
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        var edited = text.Replace(oldText, newText, StringComparison.Ordinal);
        return input.ReplaceSyntaxTree(tree, GeneratorRun.Parse(edited, PayloadsPath));
    }
}
