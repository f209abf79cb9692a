using Microsoft.EntityFrameworkCore;
using OutboxGen.Generated;
using OutboxGen.Tests.Infrastructure;
using OutboxGen.Tests.Model;

namespace OutboxGen.Tests;

/// <summary>Mistakes the compiler cannot see are refused at the first save or drain, naming what to change.</summary>
public sealed class MisconfigurationTests
{
    [Fact]
    public async Task A_model_whose_ef_core_key_is_not_the_member_the_outbox_reads_is_refused_before_saving()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = db.CreateContext();
        context.Gadgets.Add(new Gadget { Id = 999, Code = 5, OrganizationId = 7 });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        Assert.Equal(
            "Gadget has the key Code in the EF Core model, but its outbox rows take their object identifier from Id. " +
            "Mark the EF Core key member [Key] so the source generator reads it too, or make Id the key.",
            error.Message);
        Assert.Equal(0, await db.ScalarAsync("SELECT COUNT(*) FROM gadgets"));
        Assert.Empty(await db.CellRowsAsync());
    }

    [Fact]
    public async Task A_payload_that_throws_names_the_model_and_rolls_the_save_back()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = db.CreateContext();
        context.Sprockets.Add(new Sprocket { OrganizationId = 7, Name = "boom" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        Assert.StartsWith("PayloadForUpdate of Sprocket ", error.Message);
        Assert.EndsWith("threw, so the save was rolled back: the name cannot be written", error.Message);
        Assert.IsType<FormatException>(error.InnerException);
        Assert.Equal(0, await db.ScalarAsync("SELECT COUNT(*) FROM sprockets"));
        Assert.Empty(await db.CellRowsAsync());
    }

    [Fact]
    public async Task Writing_to_a_silo_whose_outbox_table_is_not_in_the_model_is_refused_before_saving()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = new ControlOnlyContext(db.ConnectionString);
        context.Members.Add(new Member { OrganizationId = 7, Email = "ada@example.com" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        Assert.Equal(
            "ControlOnlyContext has no cell outbox table in its model; call " +
            "modelBuilder.AddOutboxTables(this, OutboxSilo.Cell) in OnModelCreating.",
            error.Message);
        Assert.Empty(await db.MembersAsync());
    }

    [Fact]
    public async Task Draining_a_silo_whose_outbox_table_is_not_in_the_model_is_refused()
    {
        await using var db = await TestDatabase.CreateAsync();
        var drainer = new OutboxDrainer(() => new ControlOnlyContext(db.ConnectionString));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => drainer.DrainAsync());

        Assert.Contains("AddOutboxTables(this, OutboxSilo.Cell)", error.Message);
    }

    [Fact]
    public async Task A_context_with_outbox_tables_but_without_UseOutbox_is_refused_when_its_model_is_built()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = new WithoutUseOutboxContext(db.ConnectionString);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
        {
            context.Members.Add(new Member { OrganizationId = 7, Email = "ada@example.com" });
            return context.SaveChangesAsync();
        });

        Assert.StartsWith(
            "WithoutUseOutboxContext has outbox tables but its options do not call UseOutbox(registry)",
            error.Message);
        Assert.Empty(await db.MembersAsync());
    }

    /// <summary>A context that adds the outbox tables but forgets <c>UseOutbox</c>.</summary>
    private sealed class WithoutUseOutboxContext(string connectionString) : DbContext
    {
        public DbSet<Member> Members => Set<Member>();

        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
            optionsBuilder.UseSqlite(connectionString);

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Member>().ToTable("members");
            modelBuilder.AddOutboxTables(this, OutboxSilo.Cell);
        }
    }

    /// <summary>A context on the test database whose model has only the control outbox table.</summary>
    private sealed class ControlOnlyContext(string connectionString) : DbContext
    {
        public DbSet<Member> Members => Set<Member>();

        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
            optionsBuilder.UseSqlite(connectionString).UseOutbox(GeneratedOutbox.Registry);

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Member>().ToTable("members");
            modelBuilder.AddOutboxTables(this, OutboxSilo.Control);
        }
    }
}
