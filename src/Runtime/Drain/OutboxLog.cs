using Microsoft.Extensions.Logging;

namespace OutboxGen;

internal static partial class OutboxLog
{
    [LoggerMessage(
        EventId = 1,
        Level = LogLevel.Debug,
        Message = "Delivered {Silo} outbox row {RowId} ({CategoryName}, {ScopeName} shard {ShardIdentifier}), " +
            "{Coalesced} coalesced")]
    public static partial void Delivered(
        ILogger logger,
        OutboxSilo silo,
        long rowId,
        string categoryName,
        string scopeName,
        long shardIdentifier,
        int coalesced);

    [LoggerMessage(
        EventId = 2,
        Level = LogLevel.Error,
        Message = "Could not deliver {Silo} outbox row {RowId} ({CategoryName}, {ScopeName} shard " +
            "{ShardIdentifier}); the shard stays in backoff until {BackoffUntil:O}")]
    public static partial void DeliveryFailed(
        ILogger logger,
        Exception exception,
        OutboxSilo silo,
        long rowId,
        string categoryName,
        string scopeName,
        long shardIdentifier,
        DateTime backoffUntil);

    [LoggerMessage(
        EventId = 3,
        Level = LogLevel.Information,
        Message = "Drained the {Silo} outbox: {Delivered} delivered, {Coalesced} coalesced, {Shards} shards, " +
            "{Skipped} skipped, {Failures} failed")]
    public static partial void Drained(
        ILogger logger,
        OutboxSilo silo,
        int delivered,
        int coalesced,
        int shards,
        int skipped,
        int failures);

    [LoggerMessage(
        EventId = 4,
        Level = LogLevel.Debug,
        Message = "Skipped {Silo} outbox shard {ScopeName} {ShardIdentifier}: a kill switch names it")]
    public static partial void ShardSkipped(ILogger logger, OutboxSilo silo, string scopeName, long shardIdentifier);

    [LoggerMessage(
        EventId = 5,
        Level = LogLevel.Warning,
        Message = "Could not renew the claim on {Silo} outbox shard {Scope} {ShardIdentifier}; the drainer stops " +
            "delivering it after the current row")]
    public static partial void ClaimNotRenewed(
        ILogger logger,
        Exception exception,
        OutboxSilo silo,
        int scope,
        long shardIdentifier);

    [LoggerMessage(
        EventId = 6,
        Level = LogLevel.Warning,
        Message = "Stopped delivering {Silo} outbox shard {ScopeName} {ShardIdentifier}: its claim ran out and " +
            "another drainer may hold it")]
    public static partial void ClaimLost(ILogger logger, OutboxSilo silo, string scopeName, long shardIdentifier);
}
