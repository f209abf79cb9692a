namespace OutboxGen;

/// <summary>
/// Identity accessors of a replicated model. The source generator implements this interface explicitly on every
/// <c>partial</c> class marked <see cref="ReplicatedAttribute"/>; users do not implement it.
/// </summary>
public interface IReplicatedModel
{
    /// <summary>The silo the model lives in.</summary>
    OutboxSilo Silo { get; }

    /// <summary>The number of the model's scope.</summary>
    int Scope { get; }

    /// <summary>The number of the model's category.</summary>
    int Category { get; }

    /// <summary>The model's replication version, from <see cref="ReplicatedAttribute.ReplicationVersion"/>.</summary>
    int ReplicationVersion { get; }

    /// <summary>The value of the scope's shard-key member.</summary>
    long ShardIdentifier { get; }

    /// <summary>The value of the model's key.</summary>
    long ObjectIdentifier { get; }

    /// <summary>
    /// The name of the member <see cref="ObjectIdentifier"/> reads; EF Core's primary key must be that member.
    /// </summary>
    string ObjectIdentifierMember { get; }

    /// <summary>The payload written with every row as JSON, or null when the model declares none.</summary>
    string? SerializePayload();

    /// <summary>The cells a control model's rows go to; empty for cell models.</summary>
    IEnumerable<string> TargetCells();
}
