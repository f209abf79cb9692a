using Microsoft.EntityFrameworkCore;

namespace HybridCloud.Control;

public sealed class OrganizationMemberReplica
{
    public long Id { get; set; }

    public long OrganizationId { get; set; }

    public string Email { get; set; } = "";

    public string Role { get; set; } = "";
}

public sealed class ProjectReplica
{
    public long Id { get; set; }

    public long OrganizationId { get; set; }

    public string Slug { get; set; } = "";

    public string Platform { get; set; } = "";
}

public sealed class TeamReplica
{
    public int Id { get; set; }

    public long OrganizationId { get; set; }

    public string Name { get; set; } = "";

    public int MemberCount { get; set; }
}

/// <summary>An audit event as control records it.</summary>
public sealed class AuditLogRecord
{
    public long Id { get; set; }

    public long EventId { get; set; }

    public long OrganizationId { get; set; }

    public string Action { get; set; } = "";

    public string Actor { get; set; } = "";
}

/// <summary>The control silo's database: replicas of cell data and the audit log.</summary>
public sealed class ControlDbContext(DbContextOptions<ControlDbContext> options) : DbContext(options)
{
    public DbSet<OrganizationMemberReplica> Members => Set<OrganizationMemberReplica>();

    public DbSet<ProjectReplica> Projects => Set<ProjectReplica>();

    public DbSet<TeamReplica> Teams => Set<TeamReplica>();

    public DbSet<AuditLogRecord> AuditLog => Set<AuditLogRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OrganizationMemberReplica>().Property(m => m.Id).ValueGeneratedNever();
        modelBuilder.Entity<ProjectReplica>().Property(p => p.Id).ValueGeneratedNever();
        modelBuilder.Entity<TeamReplica>().Property(t => t.Id).ValueGeneratedNever();
        modelBuilder.Entity<AuditLogRecord>().HasIndex(a => a.EventId).IsUnique();
        modelBuilder.AddOutboxTables(this, OutboxSilo.Control);
    }
}
