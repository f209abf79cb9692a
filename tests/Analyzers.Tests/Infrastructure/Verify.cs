using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace OutboxGen.Analyzers.Tests.Infrastructure;

/// <summary>Runs an analyzer over test sources and compares its diagnostics with the expected ones.</summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) =>
        CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(descriptor);

    /// <summary>Checks the diagnostics of sources whose expected spans are marked <c>{|OBXnnn:text|}</c>.</summary>
    public static Task DiagnosticsAsync(params string[] sources) => DiagnosticsAsync(sources, []);

    public static Task DiagnosticsAsync(string source, params DiagnosticResult[] expected) =>
        DiagnosticsAsync([source], expected);

    public static Task DiagnosticsAsync(string[] sources, DiagnosticResult[] expected) =>
        DiagnosticsAsync(sources, expected, editorConfig: null);

    /// <summary>Checks the diagnostics of sources compiled with an <c>.editorconfig</c> at the project root.</summary>
    public static async Task DiagnosticsAsync(string[] sources, DiagnosticResult[] expected, string? editorConfig)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = References.None,
        };
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        }

        test.TestState.AdditionalReferences.AddRange(References.All);
        for (var i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(($"/0/Test{i}.cs", sources[i]));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }
}

/// <summary>Runs a code fix on test sources and compares the result with the expected sources.</summary>
internal static class Verify<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static async Task FixAsync(
        string source,
        string fixedSource,
        int codeActionIndex = 0,
        string? additionalSource = null)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = References.None,
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionIndex = codeActionIndex,
            NumberOfIncrementalIterations = 1,
            NumberOfFixAllIterations = 1,
        };
        test.TestState.AdditionalReferences.AddRange(References.All);
        if (additionalSource is not null)
        {
            test.TestState.Sources.Add(("/0/Other.cs", additionalSource));
            test.FixedState.Sources.Add(("/0/Other.cs", additionalSource));
        }

        await test.RunAsync();
    }
}
