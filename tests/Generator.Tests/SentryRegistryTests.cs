using System.Globalization;
using System.Text;

namespace OutboxGen.Generator.Tests;

/// <summary>The registry generated from the sample's enums is Sentry's published registry, entry for entry.</summary>
public sealed class SentryRegistryTests
{
    private static readonly string TablePath = Path.Combine(AppContext.BaseDirectory, "Data", "sentry-registry.tsv");

    [Fact]
    public void Generated_registry_has_the_scopes_of_the_published_table()
    {
        var table = SentryTable.Read(TablePath);

        var registry = GeneratorRun.Of(TestSources.Sentry).LoadRegistry();

        Assert.Equal(13, table.Scopes.Count);
        Assert.Equal(table.Scopes, registry.Scopes);
    }

    [Fact]
    public void Generated_registry_has_the_categories_of_the_published_table()
    {
        var table = SentryTable.Read(TablePath);

        var registry = GeneratorRun.Of(TestSources.Sentry).LoadRegistry();

        Assert.Equal(49, table.Categories.Count);
        Assert.Equal(table.Categories, registry.Categories);
    }

    [Fact]
    public void Generated_registry_groups_the_categories_by_scope_as_the_published_table_does()
    {
        var table = SentryTable.Read(TablePath);

        var registry = GeneratorRun.Of(TestSources.Sentry).LoadRegistry();

        foreach (var scope in table.Scopes)
        {
            Assert.Equal(
                table.Categories.Where(c => c.Scope == scope.Value).Select(c => c.Name),
                registry.CategoriesOf(scope.Value).Select(c => c.Name));
        }
    }

    [Theory]
    [InlineData("ORGANIZATION_SCOPE", true, "Organization")]
    [InlineData("USER_IP_SCOPE", true, "UserIp")]
    [InlineData("ORGAUTHTOKEN_UPDATE_USED", false, "OrgauthtokenUpdateUsed")]
    [InlineData("organization_id", false, "OrganizationId")]
    public void Sentry_names_convert_to_the_sample_names(string sentry, bool isScope, string expected)
    {
        var name = SentryTable.PascalCase(sentry, isScope);

        Assert.Equal(expected, name);
    }

    /// <summary>Sentry's registry table: a row per scope or category, tab-separated, '#' lines are comments.</summary>
    private sealed record SentryTable(
        IReadOnlyList<ScopeDescriptor> Scopes,
        IReadOnlyList<CategoryDescriptor> Categories)
    {
        public static SentryTable Read(string path)
        {
            var rows = File.ReadAllLines(path)
                .Where(line => line.Length > 0 && !line.StartsWith('#'))
                .Select(line => line.Split('\t'))
                .ToArray();
            Assert.All(rows, row => Assert.Equal(6, row.Length));

            var scopeRows = rows.Where(r => r[0] == "scope").ToArray();
            var scopeNumbers = scopeRows.ToDictionary(r => r[2], r => Number(r[1]), StringComparer.Ordinal);
            var scopes = scopeRows
                .Select(r => new ScopeDescriptor(
                    Number(r[1]),
                    PascalCase(r[2], isScope: true),
                    ShardKey(r[4]),
                    Retired(r[5])))
                .ToArray();
            var categories = rows
                .Where(r => r[0] == "category")
                .Select(r => new CategoryDescriptor(
                    Number(r[1]),
                    PascalCase(r[2], isScope: false),
                    scopeNumbers[r[3]],
                    Retired(r[5])))
                .ToArray();
            Assert.Equal(rows.Length, scopes.Length + categories.Length);
            return new SentryTable(scopes, categories);
        }

        /// <summary><c>USER_IP_SCOPE</c> becomes <c>UserIp</c>, <c>organization_id</c> <c>OrganizationId</c>.</summary>
        public static string PascalCase(string name, bool isScope)
        {
            if (isScope)
            {
                Assert.EndsWith("_SCOPE", name, StringComparison.Ordinal);
                name = name[..^"_SCOPE".Length];
            }

            var text = new StringBuilder();
            foreach (var word in name.Split('_', StringSplitOptions.RemoveEmptyEntries))
            {
                text.Append(char.ToUpperInvariant(word[0])).Append(word[1..].ToLowerInvariant());
            }

            return text.ToString();
        }

        /// <summary>"-" and "varies (passed explicitly)" mean the scope has no shard-key member.</summary>
        private static string? ShardKey(string column) =>
            column == "-" || column.StartsWith("varies", StringComparison.Ordinal)
                ? null
                : PascalCase(column, isScope: false);

        private static int Number(string column) => int.Parse(column, NumberStyles.None, CultureInfo.InvariantCulture);

        private static bool Retired(string column) => column switch
        {
            "yes" => true,
            "no" => false,
            _ => throw new FormatException($"The retired column holds '{column}', not yes or no."),
        };
    }
}
