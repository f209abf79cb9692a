using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OutboxGen.Tests.Infrastructure;

/// <summary>
/// Runs a query inside every transaction a context commits, just before the commit, and keeps what it read: what
/// the transaction holds at that moment.
/// </summary>
public sealed class CommitProbe(string sql) : DbTransactionInterceptor
{
    private readonly List<object?[]> _commits = [];

    /// <summary>One entry per commit: the columns of the query's single row.</summary>
    public IReadOnlyList<object?[]> Commits => _commits;

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction,
        TransactionEventData eventData,
        InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var values = new object?[reader.FieldCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
        }

        _commits.Add(values);
        return result;
    }

    public override InterceptionResult TransactionCommitting(
        DbTransaction transaction,
        TransactionEventData eventData,
        InterceptionResult result) =>
        TransactionCommittingAsync(transaction, eventData, result).AsTask().GetAwaiter().GetResult();
}
