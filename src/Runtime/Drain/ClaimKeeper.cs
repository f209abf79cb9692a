using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OutboxGen.Storage;

namespace OutboxGen;

/// <summary>
/// Keeps a drainer's claim on a shard alive while it delivers. A claim is the shard's schedule moved forward by the
/// backoff; a delivery that outlasts it would let a second drainer take the shard and deliver the same rows beside
/// the first. So every third of the backoff the claim is renewed, on a thread and connection of its own, for as
/// long as the drainer lives; should the drainer die, renewals stop and the claim runs out after one backoff, as a
/// crash should.
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
        // A thread of its own: renewals must not wait behind a busy thread pool, or the claim runs out while
        // the drainer is still delivering.
        _renewals = Task.Factory.StartNew(
            Renew,
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
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

    private void Renew()
    {
        DbContext? context = null;
        try
        {
            while (WaitForNextRenewal())
            {
                // Most shards are delivered well within a third of a backoff, so the connection is opened only when
                // a renewal is actually due.
                context ??= _createContext();
                context.Database.OpenConnection();
                var renewed = _dialect.RenewClaimAsync(
                    context.Database.GetDbConnection(),
                    _table,
                    _claim,
                    OutboxDrainer.Truncate(_timeProvider.GetUtcNow().UtcDateTime),
                    _stop.Token).GetAwaiter().GetResult();
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
                context.Dispose();
            }
        }
    }

    /// <summary>Waits a third of the backoff; false once the keeper is stopped.</summary>
    private bool WaitForNextRenewal()
    {
        var period = _claim.Backoff / 3;
        if (_timeProvider == TimeProvider.System)
        {
            // A plain wait on this thread, where a timer would need a pool thread to fire.
            return !_stop.Token.WaitHandle.WaitOne(period);
        }

        try
        {
            Task.Delay(period, _timeProvider, _stop.Token).GetAwaiter().GetResult();
            return true;
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            return false;
        }
    }
}
