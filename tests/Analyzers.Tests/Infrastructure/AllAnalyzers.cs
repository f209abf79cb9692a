using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace OutboxGen.Analyzers.Tests.Infrastructure;

/// <summary>Runs every OutboxGen analyzer over source files, the way a build of a user project would.</summary>
internal static class AllAnalyzers
{
    /// <summary>Every analyzer the analyzer assembly exports, as the compiler loads them from the package.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Instances { get; } = typeof(RegistryAnalyzer).Assembly
        .GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
            && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), inherit: false).Length > 0)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static async Task<ImmutableArray<Diagnostic>> RunAsync(IEnumerable<string> files)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = files
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parseOptions, path))
            .Append(CSharpSyntaxTree.ParseText(
                "global using global::System; global using global::System.Collections.Generic; "
                + "global using global::System.Linq; global using global::System.Threading; "
                + "global using global::System.Threading.Tasks; global using global::OutboxGen;",
                parseOptions,
                "GlobalUsings.g.cs"));
        var compilation = CSharpCompilation.Create(
            "Sample",
            trees,
            References.All,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable));
        return await compilation.WithAnalyzers(Instances).GetAnalyzerDiagnosticsAsync();
    }
}
