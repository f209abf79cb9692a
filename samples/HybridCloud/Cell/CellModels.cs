using HybridCloud.Control;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HybridCloud.Cell;

/// <summary>What control keeps of an organization member, and what a deletion reports.</summary>
public sealed record MemberPayload(long OrganizationId, string Email, string Role);

/// <summary>A member of an organization, stored in the cell and replicated to control.</summary>
[Replicated(Category.OrganizationMemberUpdate)]
public sealed partial class OrganizationMember
{
    public long Id { get; set; }

    public long OrganizationId { get; set; }

    public string Email { get; set; } = "";

    public string Role { get; set; } = "member";

    public MemberPayload PayloadForUpdate() => new(OrganizationId, Email, Role);

    public async Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken)
    {
        await using var control = await Control(context.Services, cancellationToken);
        var replica = await control.Members.FindAsync([Id], cancellationToken);
        if (replica is null)
        {
            replica = new OrganizationMemberReplica { Id = Id };
            control.Members.Add(replica);
        }

        replica.OrganizationId = OrganizationId;
        replica.Email = Email;
        replica.Role = Role;
        await control.SaveChangesAsync(cancellationToken);
    }

    public static async Task HandleDeletionAsync(
        DeletionContext<MemberPayload> context,
        CancellationToken cancellationToken)
    {
        await using var control = await Control(context.Services, cancellationToken);
        await control.Members.Where(m => m.Id == context.ObjectIdentifier).ExecuteDeleteAsync(cancellationToken);
    }

    internal static Task<ControlDbContext> Control(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<IDbContextFactory<ControlDbContext>>().CreateDbContextAsync(cancellationToken);
}

/// <summary>A project of an organization, replicated to control.</summary>
[Replicated(Category.ProjectUpdate)]
public sealed partial class Project
{
    public long Id { get; set; }

    public long OrganizationId { get; set; }

    public string Slug { get; set; } = "";

    public string Platform { get; set; } = "other";

    public async Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken)
    {
        await using var control = await OrganizationMember.Control(context.Services, cancellationToken);
        var replica = await control.Projects.FindAsync([Id], cancellationToken);
        if (replica is null)
        {
            replica = new ProjectReplica { Id = Id };
            control.Projects.Add(replica);
        }

        replica.OrganizationId = OrganizationId;
        replica.Slug = Slug;
        replica.Platform = Platform;
        await control.SaveChangesAsync(cancellationToken);
    }

    public static async Task HandleDeletionAsync(DeletionContext context, CancellationToken cancellationToken)
    {
        await using var control = await OrganizationMember.Control(context.Services, cancellationToken);
        await control.Projects.Where(p => p.Id == context.ObjectIdentifier).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>What a team's deletion reports to control.</summary>
public sealed record TeamPayload(string Name);

/// <summary>A team of an organization, replicated to control.</summary>
[Replicated(Category.TeamUpdate)]
public sealed partial class Team
{
    public int Id { get; set; }

    public long OrganizationId { get; set; }

    public string Name { get; set; } = "";

    public int MemberCount { get; set; }

    public TeamPayload PayloadForUpdate() => new(Name);

    public async Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken)
    {
        await using var control = await OrganizationMember.Control(context.Services, cancellationToken);
        var replica = await control.Teams.FindAsync([Id], cancellationToken);
        if (replica is null)
        {
            replica = new TeamReplica { Id = Id };
            control.Teams.Add(replica);
        }

        replica.OrganizationId = OrganizationId;
        replica.Name = Name;
        replica.MemberCount = MemberCount;
        await control.SaveChangesAsync(cancellationToken);
    }

    public static async Task HandleDeletionAsync(
        DeletionContext<TeamPayload> context,
        CancellationToken cancellationToken)
    {
        await using var control = await OrganizationMember.Control(context.Services, cancellationToken);
        await control.Teams.Where(t => t.Id == context.ObjectIdentifier).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>The cell silo's database: customer data plus the cell outbox.</summary>
public sealed class CellDbContext(DbContextOptions<CellDbContext> options) : DbContext(options)
{
    public DbSet<OrganizationMember> Members => Set<OrganizationMember>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<Team> Teams => Set<Team>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.AddOutboxTables(this, OutboxSilo.Cell);
}
