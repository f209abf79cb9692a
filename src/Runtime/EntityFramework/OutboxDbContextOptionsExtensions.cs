using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using OutboxGen.EntityFramework;

namespace OutboxGen;

/// <summary>Turns on the outbox for a context.</summary>
public static class OutboxDbContextOptionsExtensions
{
    /// <summary>
    /// Writes an outbox row for every change to a replicated model, in the same transaction as the change, and
    /// lets the context write explicit outbox messages with <c>AddOutboxMessage</c>.
    /// </summary>
    /// <param name="optionsBuilder">The context's options.</param>
    /// <param name="registry">The generated registry, <c>OutboxGen.Generated.GeneratedOutbox.Registry</c>.</param>
    /// <param name="timeProvider">The clock that stamps rows; the system clock when null.</param>
    public static DbContextOptionsBuilder UseOutbox(
        this DbContextOptionsBuilder optionsBuilder,
        OutboxRegistry registry,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        ArgumentNullException.ThrowIfNull(registry);

        var extension = new OutboxOptionsExtension(registry, timeProvider ?? TimeProvider.System);
        ((IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(extension);
        return optionsBuilder.AddInterceptors(extension.Interceptor);
    }

    /// <inheritdoc cref="UseOutbox(DbContextOptionsBuilder, OutboxRegistry, TimeProvider?)"/>
    public static DbContextOptionsBuilder<TContext> UseOutbox<TContext>(
        this DbContextOptionsBuilder<TContext> optionsBuilder,
        OutboxRegistry registry,
        TimeProvider? timeProvider = null)
        where TContext : DbContext =>
        (DbContextOptionsBuilder<TContext>)UseOutbox((DbContextOptionsBuilder)optionsBuilder, registry, timeProvider);
}
