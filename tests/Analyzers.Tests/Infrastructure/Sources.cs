namespace OutboxGen.Analyzers.Tests.Infrastructure;

/// <summary>Declarations most tests share.</summary>
internal static class Sources
{
    /// <summary>
    /// Scopes and categories in the shape of the guide: every current category has a receiver, so only what a test
    /// adds can be reported.
    /// </summary>
    public const string Registry = """
        using System.Threading;
        using System.Threading.Tasks;
        using OutboxGen;

        public enum Scope
        {
            [OutboxScope(ShardKey = "OrganizationId")] Organization = 0,
            [OutboxScope(ShardKey = "UserId")] User = 1,
            [OutboxScope(Retired = true)] Webhook = 2,
            [OutboxScope] Action = 3,
        }

        public enum Category
        {
            [OutboxCategory(Scope.User)] UserUpdate = 0,
            [OutboxCategory(Scope.Webhook)] WebhookProxy = 1,
            [OutboxCategory(Scope.Organization)] OrganizationUpdate = 2,
            [OutboxCategory(Scope.Organization)] OrganizationMemberUpdate = 3,
            [OutboxCategory(Scope.Organization, Retired = true)] DisableAuthProvider = 4,
            [OutboxCategory(Scope.Action)] SendSignal = 5,
        }

        public sealed record MemberPayload(string Email);

        public static class RegistryReceivers
        {
            [OutboxReceiver(Category.UserUpdate)]
            public static Task OnUserAsync(string payload, OutboxMessage message, CancellationToken ct) =>
                Task.CompletedTask;

            [OutboxReceiver(Category.OrganizationUpdate)]
            public static Task OnOrganizationAsync(string payload, OutboxMessage message, CancellationToken ct) =>
                Task.CompletedTask;

            [OutboxReceiver(Category.OrganizationMemberUpdate, Silo = OutboxSilo.Control)]
            public static Task OnMemberInControlAsync(string payload, OutboxMessage message, CancellationToken ct) =>
                Task.CompletedTask;

            [OutboxReceiver(Category.SendSignal)]
            public static Task OnSignalAsync(string payload, OutboxMessage message, CancellationToken ct) =>
                Task.CompletedTask;
        }
        """;

    /// <summary>A model that breaks no rule, replicated under <c>OrganizationMemberUpdate</c>.</summary>
    public const string Member = """
        using System.Threading;
        using System.Threading.Tasks;
        using OutboxGen;

        [Replicated(Category.OrganizationMemberUpdate)]
        public partial class OrganizationMember
        {
            public long Id { get; set; }
            public long OrganizationId { get; set; }
            public string Email { get; set; } = "";

            public MemberPayload PayloadForUpdate() => new(Email);

            public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                Task.CompletedTask;

            public static Task HandleDeletionAsync(DeletionContext<MemberPayload> context, CancellationToken ct) =>
                Task.CompletedTask;
        }
        """;
}
