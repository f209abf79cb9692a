using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace OutboxGen.Generator.Tests.Infrastructure;

/// <summary>
/// The assemblies a user's project compiles against: the framework this test process runs on, the OutboxGen
/// runtime and EF Core.
/// </summary>
internal static class References
{
    public static ImmutableArray<MetadataReference> All { get; } = Create();

    private static ImmutableArray<MetadataReference> Create()
    {
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var named =
            new[]
            {
                typeof(OutboxRegistry).Assembly,
                typeof(DbContext).Assembly,
                typeof(RelationalDatabaseFacadeExtensions).Assembly,
                typeof(SqliteDbContextOptionsBuilderExtensions).Assembly,
                typeof(KeyAttribute).Assembly,
            }
            .Select(assembly => assembly.Location);

        // A user's project never references the generator or these tests, so neither may hide a missing type.
        return named.Concat(trusted)
            .Where(path => !Path.GetFileName(path).StartsWith("OutboxGen.Generator", StringComparison.Ordinal))
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .OrderBy(Path.GetFileName, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
