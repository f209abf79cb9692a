using System.Reflection;

namespace OutboxGen.Generator.Tests;

/// <summary>
/// An edit that changes no spec leaves every named pipeline step cached, so typing in a large solution does not
/// re-run the resolver or rewrite a file; and the steps' models hold nothing from Roslyn.
/// </summary>
public sealed class CachingTests
{
    private const string NewTree = "a new unrelated syntax tree";

    private const string MethodBody = "a method body inside a model";

    private const string ModelsPath = "Input1.cs";

    private const string Models = """
        namespace Shop;

        public sealed record MemberPayload(string Email);

        [Replicated(Category.OrganizationMemberUpdate)]
        public partial class OrganizationMember
        {
            public long Id { get; set; }

            public long OrganizationId { get; set; }

            public string Email { get; set; } = "";

            public MemberPayload PayloadForUpdate() => new(Email);

            public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken)
            {
                return Task.CompletedTask;
            }

            public static Task HandleDeletionAsync(
                DeletionContext<MemberPayload> context,
                CancellationToken cancellationToken) =>
                Task.CompletedTask;
        }

        [Replicated(Category.ProjectUpdate)]
        public partial class Project
        {
            public long Id { get; set; }

            public long OrganizationId { get; set; }

            public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                Task.CompletedTask;

            public static Task HandleDeletionAsync(DeletionContext context, CancellationToken cancellationToken) =>
                Task.CompletedTask;
        }

        [Replicated(Category.OrganizationUpdate, Silo = OutboxSilo.Control)]
        public partial class OrganizationMapping
        {
            public long Id { get; set; }

            public long OrganizationId { get; set; }

            public IEnumerable<string> TargetCells() => ["us"];

            public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                Task.CompletedTask;

            public static Task HandleDeletionAsync(DeletionContext context, CancellationToken cancellationToken) =>
                Task.CompletedTask;
        }

        public static class AuditLogReceivers
        {
            [OutboxReceiver(Category.AuditLogEvent)]
            public static Task RecordAsync(string? entry, OutboxMessage message, CancellationToken token) =>
                Task.CompletedTask;
        }
        """;

    private const string Unrelated = """
        namespace Shop.Reports;

        public static class Totals
        {
            public static long Sum(IEnumerable<long> values) => values.Sum();
        }
        """;

    private static readonly string[] StepNames = typeof(OutboxGenerator.Steps)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .Order(StringComparer.Ordinal)
        .ToArray();

    public static TheoryData<string, string> StepsAndEdits
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var step in StepNames)
            {
                data.Add(step, NewTree);
                data.Add(step, MethodBody);
            }

            return data;
        }
    }

    public static TheoryData<string> Edits => new(NewTree, MethodBody);

    public static TheoryData<string> Steps => new(StepNames);

    [Theory]
    [MemberData(nameof(StepsAndEdits))]
    public void Unrelated_edit_leaves_every_output_of_the_step_cached_or_unchanged(string step, string edit)
    {
        var (driver, edited) = RunOnceThenEdit(edit);

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.True(result.TrackedSteps.TryGetValue(step, out var runs), $"The step {step} did not run.");
        var outputs = runs.SelectMany(r => r.Outputs).ToArray();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.True(
            output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"An output of {step} is {output.Reason} after {edit}: {output.Value}"));
    }

    [Theory]
    [MemberData(nameof(Edits))]
    public void Unrelated_edit_reports_every_generated_file_as_cached(string edit)
    {
        var (driver, edited) = RunOnceThenEdit(edit);

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Equal(6, result.GeneratedSources.Length);
        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs).ToArray();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Renaming_a_category_modifies_the_registry_but_no_model_file()
    {
        var (driver, input) = RunOnce();
        var registry = input.SyntaxTrees.Single(t => t.FilePath == "Input0.cs");
        var renamed = GeneratorRun.Parse(
            TestSources.Registry.Replace("AuditLogEvent = 5", "AuditEvent = 5", StringComparison.Ordinal)
                .Replace("Category.AuditLogEvent", "Category.AuditEvent", StringComparison.Ordinal),
            "Input0.cs");
        var models = input.SyntaxTrees.Single(t => t.FilePath == ModelsPath);
        var receiver = GeneratorRun.Parse(
            Models.Replace("Category.AuditLogEvent", "Category.AuditEvent", StringComparison.Ordinal),
            ModelsPath);
        var edited = input.ReplaceSyntaxTree(registry, renamed).ReplaceSyntaxTree(models, receiver);

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains(
            result.TrackedSteps[OutboxGenerator.Steps.Registry].SelectMany(r => r.Outputs),
            output => output.Reason == IncrementalStepRunReason.Modified);
        var files = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs).ToArray();
        Assert.Single(files, output => output.Reason == IncrementalStepRunReason.Modified);
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Step_outputs_hold_no_symbol_syntax_or_compilation(string step)
    {
        var (driver, _) = RunOnce();

        var result = driver.GetRunResult().Results.Single();

        Assert.True(result.TrackedSteps.TryGetValue(step, out var runs), $"The step {step} did not run.");
        var outputs = runs.SelectMany(r => r.Outputs).ToArray();
        Assert.NotEmpty(outputs);
        foreach (var (value, _) in outputs)
        {
            Assert.Null(RoslynObjectGraph.FindRoslynObject(value, step));
        }
    }

    [Fact]
    public void Object_graph_walk_finds_a_symbol_however_deeply_it_is_held()
    {
        var compilation = GeneratorRun.Compile(Models);
        var symbol = compilation.GetTypeByMetadataName("Shop.Project")!;
        var graph = new { Outer = (Name: "outer", Items: new object[] { 1, new List<object> { "x", symbol } }) };

        var found = RoslynObjectGraph.FindRoslynObject(graph, "graph");

        Assert.NotNull(found);
        Assert.Contains("Outer", found, StringComparison.Ordinal);
    }

    [Fact]
    public void Object_graph_walk_finds_an_empty_array_of_syntax_nodes()
    {
        var graph = new { Nodes = ImmutableArray<SyntaxNode>.Empty };

        var found = RoslynObjectGraph.FindRoslynObject(graph, "graph");

        Assert.NotNull(found);
    }

    private static (GeneratorDriver Driver, Compilation Input) RunOnce()
    {
        var input = GeneratorRun.Compile(TestSources.Registry, Models);
        return (GeneratorRun.CreateDriver().RunGenerators(input), input);
    }

    private static (GeneratorDriver Driver, Compilation Edited) RunOnceThenEdit(string edit)
    {
        var (driver, input) = RunOnce();
        if (edit == NewTree)
        {
            return (driver, input.AddSyntaxTrees(GeneratorRun.Parse(Unrelated, "Unrelated.cs")));
        }

        var models = input.SyntaxTrees.Single(t => t.FilePath == ModelsPath);
        var body = Models.Replace(
            "        return Task.CompletedTask;",
            "        cancellationToken.ThrowIfCancellationRequested();\n        return Task.CompletedTask;",
            StringComparison.Ordinal);
        Assert.NotEqual(Models, body);
        return (driver, input.ReplaceSyntaxTree(models, GeneratorRun.Parse(body, ModelsPath)));
    }
}
