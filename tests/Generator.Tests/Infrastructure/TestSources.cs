using System.Runtime.CompilerServices;

namespace OutboxGen.Generator.Tests.Infrastructure;

/// <summary>Declarations that tests compile together with the sources they are about.</summary>
internal static class TestSources
{
    /// <summary>
    /// A small registry: scopes with and without a shard key, a retired scope, and categories in each, one of them
    /// retired.
    /// </summary>
    public const string Registry = """
        namespace Shop;

        public enum Scope
        {
            [OutboxScope(ShardKey = "OrganizationId")]
            Organization = 0,

            [OutboxScope(ShardKey = "UserId")]
            User = 1,

            [OutboxScope(Retired = true)]
            Webhook = 2,

            [OutboxScope]
            Action = 3,
        }

        public enum Category
        {
            [OutboxCategory(Scope.User)]
            UserUpdate = 0,

            [OutboxCategory(Scope.Webhook, Retired = true)]
            WebhookProxy = 1,

            [OutboxCategory(Scope.Organization)]
            OrganizationUpdate = 2,

            [OutboxCategory(Scope.Organization)]
            OrganizationMemberUpdate = 3,

            [OutboxCategory(Scope.Organization)]
            AuditLogEvent = 5,

            [OutboxCategory(Scope.Organization)]
            ProjectUpdate = 8,

            [OutboxCategory(Scope.Organization)]
            TeamUpdate = 11,

            [OutboxCategory(Scope.Action)]
            SendSignal = 14,

            [OutboxCategory(Scope.Organization, Retired = true)]
            DisableAuthProvider = 20,
        }
        """;

    /// <summary>
    /// The scope and category enums of Sentry's published registry, read from the sample that declares them, so the
    /// tests check the very file the sample compiles.
    /// </summary>
    public static string Sentry { get; } = File.ReadAllText(SamplePath());

    private static string SamplePath([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(
            Path.GetDirectoryName(thisFile)!,
            "..", "..", "..", "samples", "HybridCloud", "Registry.cs"));
}
