using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace OutboxGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// The references test sources compile against: the running framework, the OutboxGen runtime and EF Core, all
/// taken from the test's own trusted platform assemblies so that nothing is downloaded.
/// </summary>
internal static class References
{
    private static readonly string[] LibraryPrefixes =
        ["OutboxGen.dll", "Microsoft.EntityFrameworkCore", "Microsoft.Extensions."];

    public static ReferenceAssemblies None { get; } = new ReferenceAssemblies("net10.0")
        .WithAssemblies(ImmutableArray<string>.Empty);

    public static ImmutableArray<MetadataReference> All { get; } = Load();

    private static ImmutableArray<MetadataReference> Load()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(path => Path.GetDirectoryName(path) == frameworkDirectory
                || LibraryPrefixes.Any(prefix => Path.GetFileName(path).StartsWith(prefix, StringComparison.Ordinal)))
            .Where(path => !Path.GetFileName(path).Contains("Analyzers", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
