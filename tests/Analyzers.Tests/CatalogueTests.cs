using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace OutboxGen.Analyzers.Tests;

public sealed partial class CatalogueTests
{
    private const string PayloadCategory = "OutboxGen.Payloads";

    public static TheoryData<string> Ids { get; } = new(Descriptors().Select(d => d.Id));

    private static IEnumerable<DiagnosticDescriptor> Descriptors() => typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);

    [GeneratedRegex(@"^OBX\d{3}$")]
    private static partial Regex IdPattern();

    [Fact]
    public void Ids_are_unique_well_formed_and_grouped_by_area()
    {
        var descriptors = Descriptors().ToList();

        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Id).Distinct().Count());
        Assert.All(descriptors, d => Assert.Matches(IdPattern(), d.Id));
        Assert.All(descriptors, d => Assert.Equal(
            (int.Parse(d.Id[3..]) / 100) switch
            {
                0 => DiagnosticDescriptors.RegistryCategory,
                1 => DiagnosticDescriptors.ReplicationCategory,
                2 => PayloadCategory,
                _ => DiagnosticDescriptors.EntityFrameworkCategory,
            },
            d.Category));
    }

    [Fact]
    public void Every_diagnostic_is_reported_by_an_analyzer_and_every_reported_one_is_in_the_catalogue()
    {
        var supported = AllAnalyzers.Instances.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();

        Assert.Equal(Descriptors().Select(d => d.Id).Order(), supported.Order());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_diagnostic_links_to_its_page_which_exists_and_is_indexed(string id)
    {
        var descriptor = Descriptors().Single(d => d.Id == id);
        var page = Path.Combine(Repository.Root, "docs", "diagnostics", id + ".md");
        var index = File.ReadAllText(Path.Combine(Repository.Root, "docs", "diagnostics", "README.md"));

        Assert.Equal(
            $"https://github.com/outboxgen/outboxgen/blob/main/docs/diagnostics/{id}.md",
            descriptor.HelpLinkUri);
        Assert.True(File.Exists(page), $"{page} is missing");
        Assert.StartsWith($"# {id}: {descriptor.Title}", File.ReadAllText(page));
        Assert.Contains($"[{id}]({id}.md)", index);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_page_explains_meaning_example_fix_and_suppression(string id)
    {
        var page = File.ReadAllText(Path.Combine(Repository.Root, "docs", "diagnostics", id + ".md"));

        Assert.Contains("## What it means", page);
        Assert.Contains("## Example", page);
        Assert.Contains("## How to fix it", page);
        Assert.Contains("## How to suppress it", page);
        Assert.Contains($"dotnet_diagnostic.{id}.severity", page);
    }

    /// <summary>The payload diagnostics (OBX2xx) choose their severities with the payload serializers.</summary>
    [Fact]
    public void Errors_mark_skipped_input_and_warnings_mark_outbox_bypasses()
    {
        string[] warnings = ["OBX010", "OBX110", "OBX301", "OBX302", "OBX303"];

        Assert.All(Descriptors().Where(d => d.Category != PayloadCategory), d => Assert.Equal(
            warnings.Contains(d.Id) ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
            d.DefaultSeverity));
        Assert.All(Descriptors(), d => Assert.True(d.IsEnabledByDefault));
    }

    [Fact]
    public async Task A_severity_set_in_editorconfig_replaces_the_default()
    {
        const string source = """
            using OutboxGen;

            public enum Scope { [OutboxScope(ShardKey = "UserId")] User = 1 }

            public enum Category { [OutboxCategory(Scope.User)] UserUpdate = 0, Other = 1 }
            """;
        var expected = Verify<RegistryAnalyzer>.Diagnostic(DiagnosticDescriptors.CategoryWithoutScope)
            .WithSpan(5, 69, 5, 74)
            .WithArguments("Other", "Category")
            .WithSeverity(DiagnosticSeverity.Warning);

        await Verify<RegistryAnalyzer>.DiagnosticsAsync(
            [source],
            [expected],
            "root = true\n\n[*.cs]\ndotnet_diagnostic.OBX001.severity = warning\n" +
            "dotnet_diagnostic.OBX110.severity = none\n");
    }

    [Fact]
    public async Task A_diagnostic_set_to_none_in_editorconfig_is_not_reported()
    {
        const string source = """
            using OutboxGen;

            public enum Scope { [OutboxScope(ShardKey = "UserId")] User = 1 }

            public enum Category { [OutboxCategory(Scope.User)] UserUpdate = 0 }
            """;

        await Verify<RegistryAnalyzer>.DiagnosticsAsync(
            [source],
            [],
            "root = true\n\n[*.cs]\ndotnet_diagnostic.OBX110.severity = none\n");
    }
}
