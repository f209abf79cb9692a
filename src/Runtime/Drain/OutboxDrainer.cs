using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OutboxGen.EntityFramework;
using OutboxGen.Storage;

namespace OutboxGen;

/// <summary>
/// Drains one silo's outbox: finds due shards, claims each by moving it into backoff, then delivers its coalesced
/// groups in id order and deletes them. Never runs inside a transaction: receivers reach other silos, and a
/// rolled-back drain would deliver rows it then forgets it delivered.
/// </summary>
public sealed class OutboxDrainer
{
    private readonly Func<DbContext> _createContext;
    private readonly OutboxDrainOptions _options;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Creates a drainer.</summary>
    /// <param name="createContext">
    /// Creates a context on the silo's database, configured with <c>UseOutbox</c>; the drainer disposes it.
    /// </param>
    /// <param name="options">What to drain; validated here, once.</param>
    /// <param name="services">Handed to receivers as <see cref="OutboxMessage.Services"/>.</param>
    /// <param name="timeProvider">The clock deciding which shards are due; the system clock when null.</param>
    /// <param name="logger">Receives a Debug entry per delivered row and an Information entry per round.</param>
    public OutboxDrainer(
        Func<DbContext> createContext,
        OutboxDrainOptions? options = null,
        IServiceProvider? services = null,
        TimeProvider? timeProvider = null,
        ILogger<OutboxDrainer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(createContext);
        _options = options ?? new OutboxDrainOptions();
        _options.Validate();
        _createContext = createContext;
        _services = services ?? EmptyServices.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The options the drainer was created with.</summary>
    public OutboxDrainOptions Options => _options;

    /// <summary>
    /// Drains every due shard once. A row that cannot be delivered stops its shard, which stays in backoff;
    /// the other shards go on, and the failure is in the result and the log.
    /// </summary>
    /// <exception cref="InvalidOperationException">A transaction is open around the call.</exception>
    public Task<OutboxDrainResult> DrainAsync(CancellationToken cancellationToken = default) =>
        DrainRoundAsync(ignoreSchedule: false, stopOnFailure: false, cancellationToken);

    /// <summary>Rows waiting per shard, deepest first, kill-switched shards included.</summary>
    public async Task<IReadOnlyList<OutboxShardDepth>> GetShardDepthsAsync(
        CancellationToken cancellationToken = default)
    {
        var context = _createContext();
        await using (context.ConfigureAwait(false))
        {
            var registry = OutboxOptionsExtension.From(context).Registry;
            OutboxOptionsExtension.EnsureTable(context, _options.Silo);
            var dialect = OutboxOptionsExtension.DialectFor(context);
            await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var depths = await dialect.ShardDepthsAsync(
                context.Database.GetDbConnection(),
                OutboxTable.For(_options.Silo),
                cancellationToken).ConfigureAwait(false);
            return depths
                .Select(d => new OutboxShardDepth(d.Shard, registry.ScopeName(d.Shard.Scope), d.Depth))
                .ToArray();
        }
    }

    internal async Task<OutboxDrainResult> DrainRoundAsync(
        bool ignoreSchedule,
        bool stopOnFailure,
        CancellationToken cancellationToken)
    {
        if (System.Transactions.Transaction.Current is not null)
        {
            throw new InvalidOperationException(
                "The outbox cannot be drained inside a transaction scope; complete or dispose it first.");
        }

        var result = new OutboxDrainResult();
        var context = _createContext();
        await using (context.ConfigureAwait(false))
        {
            if (context.Database.CurrentTransaction is not null)
            {
                throw new InvalidOperationException(
                    "The outbox cannot be drained on a context with an open transaction; commit or roll it back " +
                    "first.");
            }

            var registry = OutboxOptionsExtension.From(context).Registry;
            OutboxOptionsExtension.EnsureTable(context, _options.Silo);
            var dialect = OutboxOptionsExtension.DialectFor(context);
            var table = OutboxTable.For(_options.Silo);
            await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var connection = context.Database.GetDbConnection();

            var now = Now();
            var shards = await dialect.FindDueShardsAsync(
                connection,
                table,
                ignoreSchedule ? null : now,
                _options.MaxShardsPerRound,
                cancellationToken).ConfigureAwait(false);

            foreach (var shard in shards)
            {
                if (_options.IsSkipped(shard))
                {
                    result.ShardsSkipped++;
                    OutboxLog.ShardSkipped(
                        _logger,
                        _options.Silo,
                        registry.ScopeName(shard.Scope),
                        shard.ShardIdentifier);
                    continue;
                }

                var claim = await dialect.TryClaimAsync(
                    connection,
                    table,
                    shard,
                    Now(),
                    ignoreSchedule,
                    cancellationToken).ConfigureAwait(false);
                if (claim is null)
                {
                    continue;
                }

                result.ShardsDrained++;
                var shardResult = new ShardDrain(this, context, connection, dialect, table, registry, claim.Value);
                await shardResult.RunAsync(result, stopOnFailure, cancellationToken).ConfigureAwait(false);
            }
        }

        OutboxLog.Drained(
            _logger,
            _options.Silo,
            result.Delivered,
            result.Coalesced,
            result.ShardsDrained,
            result.ShardsSkipped,
            result.Failures.Count);
        return result;
    }

    private DateTime Now() => Truncate(_timeProvider.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Whole microseconds: what every store keeps, so a claim's schedule read back compares equal to the one written.
    /// </summary>
    internal static DateTime Truncate(DateTime time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerMicrosecond), time.Kind);

    /// <summary>The delivery of one claimed shard.</summary>
    private sealed class ShardDrain(
        OutboxDrainer drainer,
        DbContext context,
        DbConnection connection,
        OutboxDialect dialect,
        OutboxTable table,
        OutboxRegistry registry,
        ClaimedShard claim)
    {
        public async Task RunAsync(OutboxDrainResult result, bool stopOnFailure, CancellationToken cancellationToken)
        {
            var keeper = new ClaimKeeper(
                drainer._createContext,
                dialect,
                table,
                claim,
                drainer._timeProvider,
                drainer._logger);
            await using (keeper.ConfigureAwait(false))
            {
                await DeliverRowsAsync(keeper, result, stopOnFailure, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task DeliverRowsAsync(
            ClaimKeeper keeper,
            OutboxDrainResult result,
            bool stopOnFailure,
            CancellationToken cancellationToken)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (keeper.Lost)
                {
                    OutboxLog.ClaimLost(
                        drainer._logger,
                        table.Silo,
                        registry.ScopeName(claim.Shard.Scope),
                        claim.Shard.ShardIdentifier);
                    return;
                }

                var first = await dialect.FirstRowAsync(
                    connection,
                    table,
                    claim.Shard,
                    claim.HighWaterId,
                    cancellationToken).ConfigureAwait(false);
                if (first is null)
                {
                    return;
                }

                var latest = await dialect.LatestOfGroupAsync(
                    connection,
                    table,
                    first,
                    claim.HighWaterId,
                    cancellationToken).ConfigureAwait(false);

                try
                {
                    await DeliverAsync(latest, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    var failure = new OutboxDeliveryException(
                        table.Silo,
                        latest.Id,
                        registry.CategoryName(latest.Category),
                        registry.ScopeName(latest.Scope),
                        latest.Shard,
                        exception);
                    OutboxLog.DeliveryFailed(
                        drainer._logger,
                        exception,
                        table.Silo,
                        latest.Id,
                        failure.CategoryName,
                        failure.ScopeName,
                        latest.ShardIdentifier,
                        keeper.Claim.BackoffUntil);
                    result.FailureList.Add(failure);
                    if (stopOnFailure)
                    {
                        throw failure;
                    }

                    return;
                }
                finally
                {
                    context.ChangeTracker.Clear();
                }

                var deleted = await DeleteGroupAsync(latest, cancellationToken).ConfigureAwait(false);
                result.Delivered++;
                result.Coalesced += Math.Max(0, deleted - 1);
                OutboxLog.Delivered(
                    drainer._logger,
                    table.Silo,
                    latest.Id,
                    registry.CategoryName(latest.Category),
                    registry.ScopeName(latest.Scope),
                    latest.ShardIdentifier,
                    Math.Max(0, deleted - 1));
            }
        }

        private async Task DeliverAsync(StoredRow row, CancellationToken cancellationToken)
        {
            var category = registry.ValidateMembership(row.Scope, row.Category);
            registry.TryGetScope(row.Scope, out var scope);
            if (!registry.TryGetReceiver(table.Silo, row.Category, out var receiver))
            {
                throw new OutboxRegistryException(
                    $"No receiver is registered for category {category.Name} in the {table.Silo} outbox.");
            }

            var message = new OutboxMessage(
                table.Silo,
                row.Id,
                scope!,
                row.ShardIdentifier,
                category,
                row.ObjectIdentifier,
                row.CellName,
                row.Payload,
                row.ScheduledFrom,
                row.ScheduledFor,
                row.DateAdded,
                drainer._services);
            await receiver.DeliverAsync(new OutboxDelivery(message, context), cancellationToken).ConfigureAwait(false);
        }

        private async Task<int> DeleteGroupAsync(StoredRow latest, CancellationToken cancellationToken)
        {
            var batchSize = drainer._options.DeleteBatchSize;
            var total = 0;
            int deleted;
            do
            {
                deleted = await dialect.DeleteGroupBatchAsync(
                    connection,
                    table,
                    latest,
                    latest.Id,
                    batchSize,
                    CancellationToken.None).ConfigureAwait(false);
                total += deleted;
            }
            while (deleted == batchSize);

            return total;
        }
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
