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

    /// <summary>The scope and category enums of Sentry's published registry, as the sample declares them.</summary>
    public const string Sentry = """
        namespace HybridCloud;

        public enum Scope
        {
            [OutboxScope(ShardKey = "OrganizationId")]
            Organization = 0,

            [OutboxScope(ShardKey = "UserId")]
            User = 1,

            [OutboxScope(Retired = true)]
            Webhook = 2,

            [OutboxScope(ShardKey = "OrganizationId")]
            AuditLog = 3,

            [OutboxScope(ShardKey = "UserId")]
            UserIp = 4,

            [OutboxScope(ShardKey = "IntegrationId")]
            Integration = 5,

            [OutboxScope(ShardKey = "ApiApplicationId")]
            App = 6,

            [OutboxScope(Retired = true)]
            Team = 7,

            [OutboxScope(ShardKey = "OrganizationId")]
            Provision = 8,

            [OutboxScope(ShardKey = "OrganizationId")]
            Subscription = 9,

            [OutboxScope(Retired = true)]
            Relocation = 10,

            [OutboxScope(ShardKey = "ApiTokenId")]
            ApiToken = 11,

            // The shard identifier varies by message and is passed explicitly.
            [OutboxScope]
            Action = 12,
        }

        /// <summary>The categories of Sentry's published outbox registry, each registered under its scope.</summary>
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

            [OutboxCategory(Scope.User, Retired = true)]
            UnusedTwo = 4,

            [OutboxCategory(Scope.AuditLog)]
            AuditLogEvent = 5,

            [OutboxCategory(Scope.UserIp)]
            UserIpEvent = 6,

            [OutboxCategory(Scope.Integration)]
            IntegrationUpdate = 7,

            [OutboxCategory(Scope.Organization)]
            ProjectUpdate = 8,

            [OutboxCategory(Scope.App)]
            ApiApplicationUpdate = 9,

            [OutboxCategory(Scope.App)]
            SentryAppInstallationUpdate = 10,

            [OutboxCategory(Scope.Organization)]
            TeamUpdate = 11,

            [OutboxCategory(Scope.Organization)]
            OrganizationIntegrationUpdate = 12,

            [OutboxCategory(Scope.User, Retired = true)]
            UnusuedThree = 13,

            [OutboxCategory(Scope.Organization)]
            SendSignal = 14,

            [OutboxCategory(Scope.Organization)]
            OrganizationMappingCustomerIdUpdate = 15,

            [OutboxCategory(Scope.Organization)]
            OrgauthtokenUpdateUsed = 16,

            [OutboxCategory(Scope.Provision)]
            ProvisionOrganization = 17,

            [OutboxCategory(Scope.Organization)]
            PostOrganizationProvision = 18,

            [OutboxCategory(Scope.User, Retired = true)]
            UnusedOne = 19,

            [OutboxCategory(Scope.Organization, Retired = true)]
            DisableAuthProvider = 20,

            [OutboxCategory(Scope.Organization)]
            ResetIdpFlags = 21,

            [OutboxCategory(Scope.Organization)]
            MarkInvalidSso = 22,

            [OutboxCategory(Scope.Subscription)]
            SubscriptionUpdate = 23,

            [OutboxCategory(Scope.Organization)]
            AuthProviderUpdate = 24,

            [OutboxCategory(Scope.User)]
            AuthIdentityUpdate = 25,

            [OutboxCategory(Scope.Organization)]
            OrganizationMemberTeamUpdate = 26,

            [OutboxCategory(Scope.Organization)]
            OrganizationSlugReservationUpdate = 27,

            [OutboxCategory(Scope.Organization)]
            ApiKeyUpdate = 28,

            [OutboxCategory(Scope.Organization)]
            PartnerAccountUpdate = 29,

            [OutboxCategory(Scope.App)]
            SentryAppUpdate = 30,

            [OutboxCategory(Scope.Organization, Retired = true)]
            UnusedFour = 31,

            [OutboxCategory(Scope.ApiToken)]
            ApiTokenUpdate = 32,

            [OutboxCategory(Scope.Organization)]
            OrgAuthTokenUpdate = 33,

            [OutboxCategory(Scope.Organization)]
            IssueCommentUpdate = 34,

            [OutboxCategory(Scope.Integration)]
            ExternalActorUpdate = 35,

            [OutboxCategory(Scope.Relocation, Retired = true)]
            RelocationExportRequest = 36,

            [OutboxCategory(Scope.Relocation, Retired = true)]
            RelocationExportReply = 37,

            [OutboxCategory(Scope.Organization)]
            SendVercelInvoice = 38,

            [OutboxCategory(Scope.Organization)]
            FtcConsent = 39,

            [OutboxCategory(Scope.App)]
            ServiceHookUpdate = 40,

            [OutboxCategory(Scope.App)]
            SentryAppDelete = 41,

            [OutboxCategory(Scope.App)]
            SentryAppInstallationDelete = 42,

            [OutboxCategory(Scope.User)]
            IdentityUpdate = 43,

            [OutboxCategory(Scope.Action)]
            SentryAppNormalizeActions = 44,

            [OutboxCategory(Scope.Organization)]
            ProjectKeyUpdate = 45,

            [OutboxCategory(Scope.Organization)]
            ScmIntegrationConfigBackfill = 46,

            [OutboxCategory(Scope.Organization)]
            OrganizationAvatarUpdate = 47,

            [OutboxCategory(Scope.Organization)]
            SeerRunCreate = 48,
        }
        """;
}
