using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OutboxGen.Storage;

namespace OutboxGen.EntityFramework;

/// <summary>Carries the registry and the write interceptor in a context's options.</summary>
internal sealed class OutboxOptionsExtension : IDbContextOptionsExtension
{
    private ExtensionInfo? _info;

    public OutboxOptionsExtension(OutboxRegistry registry, TimeProvider timeProvider)
    {
        Registry = registry;
        TimeProvider = timeProvider;
        Interceptor = new OutboxSaveChangesInterceptor(this);
    }

    public OutboxRegistry Registry { get; }

    public TimeProvider TimeProvider { get; }

    public OutboxSaveChangesInterceptor Interceptor { get; }

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
        services.AddScoped<PendingOutbox>();
        services.AddScoped<IResettableService>(provider => provider.GetRequiredService<PendingOutbox>());
    }

    public void Validate(IDbContextOptions options)
    {
    }

    public static OutboxOptionsExtension From(DbContext context)
    {
        var options = context.GetService<IDbContextOptions>();
        return options.FindExtension<OutboxOptionsExtension>()
            ?? throw new InvalidOperationException(
                $"{context.GetType().Name} is not configured for the outbox; call UseOutbox(registry) on its " +
                "options builder.");
    }

    /// <summary>Refuses, before anything is written or read, a context whose model lacks a silo's outbox.</summary>
    public static void EnsureTable(DbContext context, OutboxSilo silo)
    {
        var rowType = silo == OutboxSilo.Control ? typeof(ControlOutboxRow) : typeof(CellOutboxRow);
        if (context.Model.FindEntityType(rowType) is null)
        {
            throw new InvalidOperationException(
                $"{context.GetType().Name} has no {silo.ToString().ToLowerInvariant()} outbox table in its model; " +
                $"call modelBuilder.AddOutboxTables(this, OutboxSilo.{silo}) in OnModelCreating.");
        }
    }

    public static OutboxDialect DialectFor(DbContext context)
    {
        var provider = context.Database.ProviderName;
        if (provider == SqliteOutboxDialect.Instance.ProviderName)
        {
            return SqliteOutboxDialect.Instance;
        }

        throw new NotSupportedException(
            $"The outbox has no dialect for the database provider '{provider}'; SQLite is supported.");
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "using OutboxGen ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) =>
            other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["OutboxGen"] = "1";
    }
}
