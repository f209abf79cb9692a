namespace OutboxGen.Analyzers.Tests;

public sealed class SampleTests
{
    [Fact]
    public async Task The_sample_has_no_outbox_diagnostics()
    {
        var sample = Path.Combine(Repository.Root, "samples", "HybridCloud");
        var files = Directory.EnumerateFiles(sample, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

        var diagnostics = await AllAnalyzers.RunAsync(files);

        // The sample declares Sentry's whole registry but receives only the categories it demonstrates, so every
        // other category reports OBX110 until the sample receives, retires or configures it away.
        var unexpected = diagnostics.Where(d => d.Id != DiagnosticDescriptors.MissingReceiver.Id).ToList();
        Assert.True(unexpected.Count == 0, string.Join(Environment.NewLine, unexpected));
    }
}
