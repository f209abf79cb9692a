using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OutboxGen.EntityFramework;
using OutboxGen.Storage;

namespace OutboxGen;

/// <summary>Adds the outbox tables to an EF Core model.</summary>
public static class OutboxModelBuilderExtensions
{
    /// <summary>
    /// Adds the outbox table of each silo whose rows this context writes or drains, with the shard-prefixed
    /// indexes the drain relies on. Call from <c>OnModelCreating</c>: <c>modelBuilder.AddOutboxTables(this,
    /// OutboxSilo.Cell)</c>.
    /// </summary>
    /// <remarks>
    /// A context without <c>UseOutbox</c> would save replicated models and silently write no rows, and nothing at
    /// save time could notice. The context is passed so that building its model refuses that instead.
    /// </remarks>
    /// <param name="modelBuilder">The model being built.</param>
    /// <param name="context">The context whose model is being built; its options must call <c>UseOutbox</c>.</param>
    /// <param name="silos">The silos; a cell database passes <see cref="OutboxSilo.Cell"/>.</param>
    /// <exception cref="InvalidOperationException">The context's options do not call <c>UseOutbox</c>.</exception>
    public static ModelBuilder AddOutboxTables(
        this ModelBuilder modelBuilder,
        DbContext context,
        params OutboxSilo[] silos)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(silos);
        if (context.GetService<IDbContextOptions>().FindExtension<OutboxOptionsExtension>() is null)
        {
            throw new InvalidOperationException(
                $"{context.GetType().Name} has outbox tables but its options do not call UseOutbox(registry), so " +
                "its saves would write no outbox rows; add .UseOutbox(OutboxGen.Generated.GeneratedOutbox.Registry) " +
                "where its options are built.");
        }

        if (silos.Length == 0)
        {
            throw new ArgumentException("Name at least one silo whose outbox table to add.", nameof(silos));
        }

        if (silos.Contains(OutboxSilo.Cell))
        {
            modelBuilder.Entity<CellOutboxRow>(row =>
            {
                ConfigureCommon(row, OutboxTable.Cell.Name);
                row.HasIndex(r => new { r.ShardScope, r.ShardIdentifier, r.Id });
                row.HasIndex(r => new { r.ShardScope, r.ShardIdentifier, r.ScheduledFor });
                row.HasIndex(r => new { r.ShardScope, r.ShardIdentifier, r.Category, r.ObjectIdentifier });
            });
        }

        if (silos.Contains(OutboxSilo.Control))
        {
            modelBuilder.Entity<ControlOutboxRow>(row =>
            {
                row.HasBaseType((Type?)null);
                ConfigureCommon(row, OutboxTable.Control.Name);
                row.Property(r => r.CellName).HasColumnName("cell_name").HasMaxLength(64).IsRequired();
                row.HasIndex(r => new { r.ShardScope, r.ShardIdentifier, r.CellName, r.Id });
                row.HasIndex(r => new { r.ShardScope, r.ShardIdentifier, r.CellName, r.ScheduledFor });
                row.HasIndex(r => new
                {
                    r.ShardScope,
                    r.ShardIdentifier,
                    r.CellName,
                    r.Category,
                    r.ObjectIdentifier,
                });
            });
        }

        return modelBuilder;
    }

    private static void ConfigureCommon<TRow>(EntityTypeBuilder<TRow> row, string table)
        where TRow : CellOutboxRow
    {
        row.ToTable(table);
        row.HasKey(r => r.Id);
        row.Property(r => r.Id).HasColumnName("id").ValueGeneratedOnAdd();
        row.Property(r => r.ShardScope).HasColumnName("shard_scope");
        row.Property(r => r.ShardIdentifier).HasColumnName("shard_identifier");
        row.Property(r => r.Category).HasColumnName("category");
        row.Property(r => r.ObjectIdentifier).HasColumnName("object_identifier");
        row.Property(r => r.Payload).HasColumnName("payload");
        row.Property(r => r.ScheduledFrom).HasColumnName("scheduled_from");
        row.Property(r => r.ScheduledFor).HasColumnName("scheduled_for");
        row.Property(r => r.DateAdded).HasColumnName("date_added");
    }
}
