namespace OutboxGen.Tests.Model;

/// <summary>The scopes of the test registry.</summary>
public enum TestScope
{
    [OutboxScope(ShardKey = "OrganizationId")]
    Organization = 0,

    [OutboxScope(ShardKey = "OrganizationId")]
    AuditLog = 1,
}

/// <summary>The categories of the test registry, one of each kind the runtime treats differently.</summary>
public enum TestCategory
{
    /// <summary>Replicated by <see cref="Member"/>, a cell model with a payload.</summary>
    [OutboxCategory(TestScope.Organization)]
    MemberUpdate = 0,

    /// <summary>Replicated by <see cref="OrganizationMapping"/>, a control model without a payload.</summary>
    [OutboxCategory(TestScope.Organization)]
    OrganizationMappingUpdate = 1,

    /// <summary>Written explicitly and received by <see cref="AuditLogReceivers"/>.</summary>
    [OutboxCategory(TestScope.AuditLog)]
    AuditLogEvent = 2,

    /// <summary>Declared and writable, but no receiver is registered for it.</summary>
    [OutboxCategory(TestScope.AuditLog)]
    UnreceivedEvent = 3,

    /// <summary>Replicated by <see cref="Team"/>, whose payload reads a navigation and the key.</summary>
    [OutboxCategory(TestScope.Organization)]
    TeamUpdate = 4,

    /// <summary>Replicated by <see cref="Profile"/>, whose data lives partly in owned entities.</summary>
    [OutboxCategory(TestScope.Organization)]
    ProfileUpdate = 5,

    /// <summary>Replicated by <see cref="Gadget"/>, whose EF Core key is not the member the outbox reads.</summary>
    [OutboxCategory(TestScope.Organization)]
    GadgetUpdate = 6,

    /// <summary>Replicated by <see cref="Sprocket"/>, whose payload can throw.</summary>
    [OutboxCategory(TestScope.Organization)]
    SprocketUpdate = 7,

    /// <summary>Kept only so its number is never reused.</summary>
    [OutboxCategory(TestScope.Organization, Retired = true)]
    DisableAuthProvider = 20,
}
