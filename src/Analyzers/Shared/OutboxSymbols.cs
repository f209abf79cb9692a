using Microsoft.CodeAnalysis;

namespace OutboxGen.Analyzers.Shared;

/// <summary>The runtime types the analyzers look for, resolved once per compilation.</summary>
internal sealed class OutboxSymbols
{
    private OutboxSymbols(Compilation compilation)
    {
        ScopeAttribute = compilation.GetTypeByMetadataName("OutboxGen.OutboxScopeAttribute")!;
        CategoryAttribute = compilation.GetTypeByMetadataName("OutboxGen.OutboxCategoryAttribute")!;
        ReplicatedAttribute = compilation.GetTypeByMetadataName("OutboxGen.ReplicatedAttribute")!;
        ReceiverAttribute = compilation.GetTypeByMetadataName("OutboxGen.OutboxReceiverAttribute")!;
        KeyAttribute = compilation.GetTypeByMetadataName("System.ComponentModel.DataAnnotations.KeyAttribute");
        TableAttribute = compilation.GetTypeByMetadataName(
            "System.ComponentModel.DataAnnotations.Schema.TableAttribute");
        ReplicationContext = compilation.GetTypeByMetadataName("OutboxGen.ReplicationContext");
        DeletionContext = compilation.GetTypeByMetadataName("OutboxGen.DeletionContext");
        GenericDeletionContext = compilation.GetTypeByMetadataName("OutboxGen.DeletionContext`1");
        OutboxMessage = compilation.GetTypeByMetadataName("OutboxGen.OutboxMessage");
        WriterExtensions = compilation.GetTypeByMetadataName("OutboxGen.OutboxWriterExtensions");
        Drainer = compilation.GetTypeByMetadataName("OutboxGen.OutboxDrainer");
        TestDrain = compilation.GetTypeByMetadataName("OutboxGen.Testing.OutboxTestDrain");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        DbContext = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContext");
        DbSet = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbSet`1");
        TransactionScope = compilation.GetTypeByMetadataName("System.Transactions.TransactionScope");
    }

    public INamedTypeSymbol ScopeAttribute { get; }

    public INamedTypeSymbol CategoryAttribute { get; }

    public INamedTypeSymbol ReplicatedAttribute { get; }

    public INamedTypeSymbol ReceiverAttribute { get; }

    public INamedTypeSymbol? KeyAttribute { get; }

    public INamedTypeSymbol? TableAttribute { get; }

    public INamedTypeSymbol? ReplicationContext { get; }

    public INamedTypeSymbol? DeletionContext { get; }

    public INamedTypeSymbol? GenericDeletionContext { get; }

    public INamedTypeSymbol? OutboxMessage { get; }

    public INamedTypeSymbol? WriterExtensions { get; }

    public INamedTypeSymbol? Drainer { get; }

    public INamedTypeSymbol? TestDrain { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    public INamedTypeSymbol? DbContext { get; }

    public INamedTypeSymbol? DbSet { get; }

    public INamedTypeSymbol? TransactionScope { get; }

    /// <summary>Resolves the types, or returns null when the compilation does not reference the runtime.</summary>
    public static OutboxSymbols? TryCreate(Compilation compilation)
    {
        if (compilation.GetTypeByMetadataName("OutboxGen.OutboxScopeAttribute") is null
            || compilation.GetTypeByMetadataName("OutboxGen.OutboxCategoryAttribute") is null
            || compilation.GetTypeByMetadataName("OutboxGen.ReplicatedAttribute") is null
            || compilation.GetTypeByMetadataName("OutboxGen.OutboxReceiverAttribute") is null)
        {
            return null;
        }

        return new OutboxSymbols(compilation);
    }

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);

    public AttributeData? Find(ISymbol symbol, INamedTypeSymbol attributeType)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (Is(attribute.AttributeClass, attributeType))
            {
                return attribute;
            }
        }

        return null;
    }
}
