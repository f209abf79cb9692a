using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OutboxGen.Storage;

namespace OutboxGen;

/// <summary>
/// Keeps a drainer's claim on a shard alive while it delivers. A claim is the shard's schedule moved forward by the
/// backoff; a delivery that outlasts it would let a second drainer take the shard and deliver the same rows beside
/// the first. So every half backoff the claim is renewed, on a connection of its own, for as long as the drainer
/// lives; should the drainer die, renewals stop and the claim runs out after one backoff, as a crash should.
/// </summary>
internal sealed class ClaimKeeper : IAsyncDisposable
{
    private readonly Func<DbContext> _createContext;
    private readonly OutboxDialect _dialect;
    private readonly OutboxTable _table;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewals;
    private ClaimedShard _claim;
    private volatile bool _lost;

    public ClaimKeeper(
        Func<DbContext> createContext,
        OutboxDialect dialect,
        OutboxTable table,
        ClaimedShard claim,
        TimeProvider timeProvider,
        ILogger logger)
    {
        _createContext = createContext;
        _dialect = dialect;
        _table = table;
        _claim = claim;
        _timeProvider = timeProvider;
        _logger = logger;
        _renewals = Task.Run(RenewAsync);
    }

    /// <summary>The claim as last renewed.</summary>
    public ClaimedShard Claim => _claim;

    /// <summary>The claim could not be renewed: another drainer may hold the shard, so deliver no more of it.</summary>
    public bool Lost => _lost;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _renewals.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RenewAsync()
    {
        DbContext? context = null;
        try
        {
            while (true)
            {
                await Task.Delay(_claim.Backoff / 2, _timeProvider, _stop.Token).ConfigureAwait(false);

                // Most shards are delivered well within half a backoff, so the connection is opened only when
                // a renewal is actually due.
                context ??= _createContext();
                await context.Database.OpenConnectionAsync(_stop.Token).ConfigureAwait(false);
                var renewed = await _dialect.RenewClaimAsync(
                    context.Database.GetDbConnection(),
                    _table,
                    _claim,
                    OutboxDrainer.Truncate(_timeProvider.GetUtcNow().UtcDateTime),
                    _stop.Token).ConfigureAwait(false);
                if (renewed is null)
                {
                    _lost = true;
                    return;
                }

                _claim = renewed.Value;
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            _lost = true;
            OutboxLog.ClaimNotRenewed(
                _logger,
                exception,
                _table.Silo,
                _claim.Shard.Scope,
                _claim.Shard.ShardIdentifier);
        }
        finally
        {
            if (context is not null)
            {
                await context.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
