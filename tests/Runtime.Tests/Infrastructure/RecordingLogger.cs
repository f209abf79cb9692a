using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OutboxGen.Tests.Infrastructure;

/// <summary>One structured log entry.</summary>
public sealed record LogEntry(
    LogLevel Level,
    EventId EventId,
    IReadOnlyDictionary<string, object?> Values,
    Exception? Exception);

/// <summary>Keeps the drainer's log entries with their structured values.</summary>
public sealed class RecordingLogger : ILogger<OutboxDrainer>
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.ToDictionary(p => p.Key, p => p.Value)
            : new Dictionary<string, object?>();
        _entries.Enqueue(new LogEntry(logLevel, eventId, values, exception));
    }
}
