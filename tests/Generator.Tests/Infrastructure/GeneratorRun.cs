using System.Reflection;
using System.Runtime.Loader;
using System.Text;

namespace OutboxGen.Generator.Tests.Infrastructure;

/// <summary>One run of the generator over test sources, and what it produced.</summary>
internal sealed class GeneratorRun
{
    public const string RegistryHintName = "OutboxGen.Registry.g.cs";

    /// <summary>The SDK's implicit usings, plus the runtime's namespace as the sample imports it.</summary>
    public const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Linq;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using OutboxGen;
        """;

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    // Warning level 9999 turns on every warning wave, stricter than a default build.
    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        warningLevel: 9999,
        deterministic: true);

    private GeneratorRun(Compilation output, GeneratorDriverRunResult result, ImmutableArray<Diagnostic> diagnostics)
    {
        Output = output;
        Result = result;
        DriverDiagnostics = diagnostics;
        Sources = result.Results.Single().GeneratedSources
            .ToImmutableSortedDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
    }

    /// <summary>The input compilation with the generated sources added.</summary>
    public Compilation Output { get; }

    public GeneratorDriverRunResult Result { get; }

    /// <summary>What the driver reported, a generator exception included.</summary>
    public ImmutableArray<Diagnostic> DriverDiagnostics { get; }

    /// <summary>The generated sources by hint name, in ordinal order.</summary>
    public ImmutableSortedDictionary<string, string> Sources { get; }

    public IReadOnlyList<string> HintNames => Sources.Keys.ToArray();

    public static GeneratorRun Of(params string[] sources)
    {
        var input = Compile(sources);

        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(input, out var output, out var diagnostics);

        return new GeneratorRun(output, driver.GetRunResult(), diagnostics);
    }

    /// <summary>Test sources as a user's project would compile them, named Input0.cs, Input1.cs and so on.</summary>
    public static CSharpCompilation Compile(params string[] sources)
    {
        var trees = sources
            .Select((source, index) => Parse(source, $"Input{index}.cs"))
            .Prepend(Parse(ImplicitUsings, "ImplicitUsings.cs"));
        return CSharpCompilation.Create("OutboxGen.Tests.Input", trees, References.All, CompilationOptions);
    }

    public static SyntaxTree Parse(string source, string path) =>
        CSharpSyntaxTree.ParseText(source, ParseOptions, path, Encoding.UTF8);

    public static GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        new[] { new OutboxGenerator().AsSourceGenerator() },
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, true));

    /// <summary>
    /// Asserts that the generator reported nothing, that every generated file uses LF line ends and four-space
    /// indentation, and that the input and the generated sources compile without an error or a warning.
    /// </summary>
    public void AssertClean()
    {
        Assert.True(DriverDiagnostics.IsEmpty, "The generator reported:\n" + Describe(DriverDiagnostics));

        foreach (var (hintName, text) in Sources)
        {
            AssertLayout(hintName, text);
        }

        var problems = Output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToImmutableArray();
        Assert.True(
            problems.IsEmpty,
            "The input and the generated sources do not compile cleanly:\n" + Describe(problems));
    }

    /// <summary>Compiles the output, loads it, and returns the registry the generated code builds.</summary>
    public OutboxRegistry LoadRegistry()
    {
        using var image = new MemoryStream();
        var emitted = Output.Emit(image);
        Assert.True(emitted.Success, "The output does not emit:\n" + Describe(emitted.Diagnostics));
        image.Position = 0;

        // The runtime resolves from the default context, so the registry's types are the ones this test sees.
        var context = new AssemblyLoadContext("OutboxGen.Tests.Generated", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(image);
            var outbox = assembly.GetType("OutboxGen.Generated.GeneratedOutbox", throwOnError: true)!;
            var property = outbox.GetProperty("Registry", BindingFlags.Public | BindingFlags.Static)!;
            return (OutboxRegistry)property.GetValue(null)!;
        }
        finally
        {
            context.Unload();
        }
    }

    private static void AssertLayout(string hintName, string text)
    {
        Assert.DoesNotContain('\r', text);
        Assert.DoesNotContain('\t', text);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);

        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var indent = lines[index].Length - lines[index].TrimStart(' ').Length;
            Assert.True(
                indent % 4 == 0,
                $"{hintName}({index + 1}) is indented by {indent} spaces, not a multiple of four: {lines[index]}");
            Assert.False(
                lines[index].EndsWith(' '),
                $"{hintName}({index + 1}) ends with a space: {lines[index]}");
        }
    }

    private static string Describe(IEnumerable<Diagnostic> diagnostics)
    {
        var text = new StringBuilder();
        foreach (var diagnostic in diagnostics)
        {
            text.Append("  ").Append(diagnostic).Append('\n');
            if (diagnostic.Location.SourceTree is { } tree)
            {
                var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
                text.Append("    ").Append(tree.GetText().Lines[line].ToString().Trim()).Append('\n');
            }
        }

        return text.ToString();
    }
}
