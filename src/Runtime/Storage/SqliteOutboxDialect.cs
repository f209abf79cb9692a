using System.Data.Common;

namespace OutboxGen.Storage;

/// <summary>
/// SQLite: one writer at a time. A claim runs in a <c>BEGIN IMMEDIATE</c> transaction, which takes the database's
/// write lock up front, so two drainers' claims of one shard run one after the other and the second finds the
/// shard already moved into backoff.
/// </summary>
internal sealed class SqliteOutboxDialect : OutboxDialect
{
    public static readonly SqliteOutboxDialect Instance = new();

    public override string ProviderName => "Microsoft.EntityFrameworkCore.Sqlite";

    protected override string FirstRowLockClause => "";

    protected override async Task<DbTransaction> BeginClaimAsync(
        DbConnection connection,
        CancellationToken cancellationToken)
    {
        // Microsoft.Data.Sqlite begins IMMEDIATE unless asked for a deferred transaction.
        return await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
    }
}
