namespace OutboxGen.Analyzers.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task Smoke()
    {
        const string source = """
            using OutboxGen;

            public enum Scope
            {
                [OutboxScope(ShardKey = "OrganizationId")] Organization = 0,
            }

            public enum Category
            {
                [OutboxCategory(Scope.Organization)] A = 0,
                {|OBX001:B|} = 1,
            }
            """;

        await Verify<RegistryAnalyzer>.DiagnosticsAsync(source);
    }
}
