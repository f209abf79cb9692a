using System.Data.Common;
using System.Globalization;
using System.Text;

namespace OutboxGen.Storage;

/// <summary>
/// The SQL an outbox store runs. Everything database-specific is here, so a store other than SQLite fills only
/// the differences: how a claim takes its lock and how timestamps are bound.
/// </summary>
internal abstract class OutboxDialect
{
    private const string Columns =
        "id, shard_scope, shard_identifier, category, object_identifier, payload, scheduled_from, scheduled_for, " +
        "date_added";

    /// <summary>The most rows one insert statement carries.</summary>
    private const int InsertChunk = 100;

    /// <summary>Opens the transaction a claim runs in, holding whatever lock keeps two claims apart.</summary>
    protected abstract Task<DbTransaction> BeginClaimAsync(
        DbConnection connection,
        CancellationToken cancellationToken);

    /// <summary>Appended to the claim's first-row query so that concurrent drainers skip a locked shard.</summary>
    protected abstract string FirstRowLockClause { get; }

    /// <summary>The name of the provider this dialect serves, as EF Core reports it.</summary>
    public abstract string ProviderName { get; }

    public async Task InsertAsync(
        DbConnection connection,
        DbTransaction? transaction,
        IReadOnlyList<NewRow> rows,
        DateTime now,
        CancellationToken cancellationToken)
    {
        foreach (var group in rows.GroupBy(r => r.Silo))
        {
            var table = OutboxTable.For(group.Key);
            foreach (var chunk in group.Chunk(InsertChunk))
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                var sql = new StringBuilder("INSERT INTO ").Append(table.Name)
                    .Append(" (shard_scope, shard_identifier, category, object_identifier, payload, ")
                    .Append("scheduled_from, scheduled_for, date_added")
                    .Append(table.HasCellName ? ", cell_name) VALUES " : ") VALUES ");
                AddParameter(command, "@now", now);
                for (var i = 0; i < chunk.Length; i++)
                {
                    var row = chunk[i];
                    var p = "@r" + i.ToString(CultureInfo.InvariantCulture);
                    sql.Append(i == 0 ? "(" : ", (")
                        .Append(p).Append("s, ").Append(p).Append("i, ").Append(p).Append("c, ")
                        .Append(p).Append("o, ").Append(p).Append("p, @now, @now, @now")
                        .Append(table.HasCellName ? ", " + p + "n)" : ")");
                    AddParameter(command, p + "s", row.Scope);
                    AddParameter(command, p + "i", row.ShardIdentifier);
                    AddParameter(command, p + "c", row.Category);
                    AddParameter(command, p + "o", row.ObjectIdentifier);
                    AddParameter(command, p + "p", row.Payload);
                    if (table.HasCellName)
                    {
                        AddParameter(command, p + "n", row.CellName);
                    }
                }

                command.CommandText = sql.ToString();
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Shards with a row due by <paramref name="dueBy"/> (all shards when null), oldest first.</summary>
    public async Task<IReadOnlyList<OutboxShard>> FindDueShardsAsync(
        DbConnection connection,
        OutboxTable table,
        DateTime? dueBy,
        int limit,
        CancellationToken cancellationToken)
    {
        var shardColumns = ShardColumns(table);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {shardColumns} FROM {table.Name} " +
            (dueBy is null ? "" : "WHERE scheduled_for <= @dueBy ") +
            $"GROUP BY {shardColumns} ORDER BY MIN(id) LIMIT @limit";
        if (dueBy is not null)
        {
            AddParameter(command, "@dueBy", dueBy.Value);
        }

        AddParameter(command, "@limit", limit);
        var shards = new List<OutboxShard>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            shards.Add(new OutboxShard(
                reader.GetInt32(0),
                reader.GetInt64(1),
                table.HasCellName ? reader.GetString(2) : null));
        }

        return shards;
    }

    /// <summary>
    /// Takes the shard's first row under a lock that other drainers skip, then moves the whole shard's schedule
    /// forward by the backoff, all in one short transaction. Returns null when the shard is empty, locked by
    /// another drainer, or (unless <paramref name="ignoreSchedule"/>) not due because another drainer claimed it.
    /// </summary>
    public async Task<ClaimedShard?> TryClaimAsync(
        DbConnection connection,
        OutboxTable table,
        OutboxShard shard,
        DateTime now,
        bool ignoreSchedule,
        CancellationToken cancellationToken)
    {
        await using var transaction = await BeginClaimAsync(connection, cancellationToken).ConfigureAwait(false);

        await using var first = connection.CreateCommand();
        first.Transaction = transaction;
        first.CommandText =
            $"SELECT scheduled_from, scheduled_for FROM {table.Name} WHERE {ShardFilter(table)} " +
            $"ORDER BY id LIMIT 1 {FirstRowLockClause}";
        AddShardParameters(first, table, shard);

        DateTime scheduledFrom;
        DateTime scheduledFor;
        await using (var reader = await first.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            scheduledFrom = ReadUtc(reader, 0);
            scheduledFor = ReadUtc(reader, 1);
        }

        if (!ignoreSchedule && scheduledFor > now)
        {
            return null;
        }

        var until = OutboxBackoff.Next(scheduledFrom, scheduledFor, now);
        await using var move = connection.CreateCommand();
        move.Transaction = transaction;
        move.CommandText =
            $"UPDATE {table.Name} SET scheduled_from = @now, scheduled_for = @until WHERE {ShardFilter(table)}";
        AddShardParameters(move, table, shard);
        AddParameter(move, "@now", now);
        AddParameter(move, "@until", until);
        await move.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        await using var highWater = connection.CreateCommand();
        highWater.Transaction = transaction;
        highWater.CommandText = $"SELECT MAX(id) FROM {table.Name} WHERE {ShardFilter(table)}";
        AddShardParameters(highWater, table, shard);
        var maxId = Convert.ToInt64(
            await highWater.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false),
            CultureInfo.InvariantCulture);

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new ClaimedShard(shard, maxId, now, until);
    }

    /// <summary>
    /// Renews a claim this drainer still holds: moves the schedule of the claimed rows forward by the same backoff,
    /// but only where they still carry this claim's schedule. Returns null when no row does any more: the rows were
    /// all delivered, or the claim ran out and another drainer took the shard.
    /// </summary>
    public async Task<ClaimedShard?> RenewClaimAsync(
        DbConnection connection,
        OutboxTable table,
        ClaimedShard claim,
        DateTime now,
        CancellationToken cancellationToken)
    {
        var until = now + claim.Backoff;
        await using var renew = connection.CreateCommand();
        renew.CommandText =
            $"UPDATE {table.Name} SET scheduled_from = @now, scheduled_for = @until WHERE {ShardFilter(table)} " +
            "AND id <= @highWater AND scheduled_from = @claimedAt AND scheduled_for = @claimedUntil";
        AddShardParameters(renew, table, claim.Shard);
        AddParameter(renew, "@now", now);
        AddParameter(renew, "@until", until);
        AddParameter(renew, "@highWater", claim.HighWaterId);
        AddParameter(renew, "@claimedAt", claim.ClaimedAt);
        AddParameter(renew, "@claimedUntil", claim.BackoffUntil);
        var renewed = await renew.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return renewed > 0 ? claim with { ClaimedAt = now, BackoffUntil = until } : null;
    }

    /// <summary>The lowest-id row of the shard at or below the high-water id.</summary>
    public Task<StoredRow?> FirstRowAsync(
        DbConnection connection,
        OutboxTable table,
        OutboxShard shard,
        long highWaterId,
        CancellationToken cancellationToken) =>
        ReadRowAsync(
            connection,
            table,
            $"WHERE {ShardFilter(table)} AND id <= @highWater ORDER BY id LIMIT 1",
            command =>
            {
                AddShardParameters(command, table, shard);
                AddParameter(command, "@highWater", highWaterId);
            },
            cancellationToken);

    /// <summary>The highest-id row of a coalescing group at or below the high-water id.</summary>
    public async Task<StoredRow> LatestOfGroupAsync(
        DbConnection connection,
        OutboxTable table,
        StoredRow first,
        long highWaterId,
        CancellationToken cancellationToken) =>
        await ReadRowAsync(
            connection,
            table,
            $"WHERE {ShardFilter(table)} AND category = @category AND object_identifier = @object " +
            "AND id <= @highWater ORDER BY id DESC LIMIT 1",
            command =>
            {
                AddShardParameters(command, table, first.Shard);
                AddParameter(command, "@category", first.Category);
                AddParameter(command, "@object", first.ObjectIdentifier);
                AddParameter(command, "@highWater", highWaterId);
            },
            cancellationToken).ConfigureAwait(false) ?? first;

    /// <summary>
    /// Deletes up to <paramref name="batchSize"/> rows of a coalescing group with ids at or below
    /// <paramref name="upToId"/>; returns how many went.
    /// </summary>
    public async Task<int> DeleteGroupBatchAsync(
        DbConnection connection,
        OutboxTable table,
        StoredRow group,
        long upToId,
        int batchSize,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"DELETE FROM {table.Name} WHERE id IN (SELECT id FROM {table.Name} WHERE {ShardFilter(table)} " +
            "AND category = @category AND object_identifier = @object AND id <= @upTo ORDER BY id LIMIT @batch)";
        AddShardParameters(command, table, group.Shard);
        AddParameter(command, "@category", group.Category);
        AddParameter(command, "@object", group.ObjectIdentifier);
        AddParameter(command, "@upTo", upToId);
        AddParameter(command, "@batch", batchSize);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rows waiting per shard, deepest first.</summary>
    public async Task<IReadOnlyList<(OutboxShard Shard, long Depth)>> ShardDepthsAsync(
        DbConnection connection,
        OutboxTable table,
        CancellationToken cancellationToken)
    {
        var shardColumns = ShardColumns(table);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {shardColumns}, COUNT(*) AS depth FROM {table.Name} GROUP BY {shardColumns} " +
            $"ORDER BY depth DESC, {shardColumns}";
        var depths = new List<(OutboxShard, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var cellName = table.HasCellName ? reader.GetString(2) : null;
            var shard = new OutboxShard(reader.GetInt32(0), reader.GetInt64(1), cellName);
            depths.Add((shard, reader.GetInt64(table.HasCellName ? 3 : 2)));
        }

        return depths;
    }

    protected static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static string ShardColumns(OutboxTable table) =>
        table.HasCellName ? "shard_scope, shard_identifier, cell_name" : "shard_scope, shard_identifier";

    private static string ShardFilter(OutboxTable table) =>
        table.HasCellName
            ? "shard_scope = @scope AND shard_identifier = @shard AND cell_name = @cell"
            : "shard_scope = @scope AND shard_identifier = @shard";

    private static void AddShardParameters(DbCommand command, OutboxTable table, OutboxShard shard)
    {
        AddParameter(command, "@scope", shard.Scope);
        AddParameter(command, "@shard", shard.ShardIdentifier);
        if (table.HasCellName)
        {
            AddParameter(command, "@cell", shard.CellName ?? "");
        }
    }

    private static DateTime ReadUtc(DbDataReader reader, int ordinal) =>
        DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);

    private static async Task<StoredRow?> ReadRowAsync(
        DbConnection connection,
        OutboxTable table,
        string where,
        Action<DbCommand> bind,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {Columns}{(table.HasCellName ? ", cell_name" : "")} FROM {table.Name} {where}";
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new StoredRow(
            Id: reader.GetInt64(0),
            Scope: reader.GetInt32(1),
            ShardIdentifier: reader.GetInt64(2),
            Category: reader.GetInt32(3),
            ObjectIdentifier: reader.GetInt64(4),
            CellName: table.HasCellName ? reader.GetString(9) : null,
            Payload: reader.IsDBNull(5) ? null : reader.GetString(5),
            ScheduledFrom: ReadUtc(reader, 6),
            ScheduledFor: ReadUtc(reader, 7),
            DateAdded: ReadUtc(reader, 8));
    }
}
