using Microsoft.EntityFrameworkCore;

namespace OutboxGen.Tests.Model;

/// <summary>One database holding both outbox tables, so cell and control rows can be tested side by side.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    public DbSet<Member> Members => Set<Member>();

    public DbSet<OrganizationMapping> Mappings => Set<OrganizationMapping>();

    public DbSet<Label> Labels => Set<Label>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<Profile> Profiles => Set<Profile>();

    public DbSet<Gadget> Gadgets => Set<Gadget>();

    public DbSet<Sprocket> Sprockets => Set<Sprocket>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Member>().ToTable("members");
        modelBuilder.Entity<OrganizationMapping>(mapping =>
        {
            mapping.ToTable("organization_mappings");
            mapping.Property(m => m.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<Label>(label =>
        {
            label.ToTable("labels");
            label.HasIndex(l => l.Name).IsUnique();
        });
        modelBuilder.Entity<Profile>(profile =>
        {
            profile.ToTable("profiles");
            profile.OwnsOne(p => p.Address, address => address.OwnsOne(a => a.Geo));
            profile.OwnsMany(p => p.Links, links => links.HasKey(l => l.Id));
        });
        modelBuilder.Entity<Gadget>(gadget =>
        {
            gadget.ToTable("gadgets");
            gadget.HasKey(g => g.Code);
        });
        modelBuilder.Entity<Sprocket>().ToTable("sprockets");
        modelBuilder.AddOutboxTables(this, OutboxSilo.Cell, OutboxSilo.Control);
    }
}
