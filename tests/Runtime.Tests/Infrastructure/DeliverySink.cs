using System.Collections.Concurrent;
using OutboxGen.Tests.Model;

namespace OutboxGen.Tests.Infrastructure;

/// <summary>How a receiver was handed a row.</summary>
public enum ReceivedAs
{
    /// <summary>A model's replication handler, with the model as stored now.</summary>
    Replicated,

    /// <summary>A model's deletion handler: the model was gone.</summary>
    Deleted,

    /// <summary>A receiver method.</summary>
    Received,
}

/// <summary>One row a receiver was handed and finished without throwing.</summary>
public sealed record Received(
    long RowId,
    TestCategory Category,
    long ShardIdentifier,
    long ObjectIdentifier,
    string? CellName,
    ReceivedAs As,
    object? Payload);

/// <summary>
/// Records what the receivers of one test were handed. Receivers are static methods and handlers that the
/// generated dispatch table calls, so each test's sink reaches them through <see cref="OutboxMessage.Services"/>
/// (the drainer's services) instead of through static state shared by tests running in parallel.
/// </summary>
public sealed class DeliverySink
{
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly ConcurrentQueue<long> _attempts = new();

    public DeliverySink()
    {
        Services = new SinkServices(this);
    }

    /// <summary>The services to hand to a drainer; they resolve this sink.</summary>
    public IServiceProvider Services { get; }

    /// <summary>Runs in every receiver before the row is recorded; a hook that throws fails the delivery.</summary>
    public Func<OutboxMessage, CancellationToken, Task>? BeforeReceive { get; set; }

    /// <summary>The rows receivers finished, in the order they finished.</summary>
    public IReadOnlyList<Received> Received => _received.ToArray();

    /// <summary>The ids of the rows receivers were called with, failed ones included.</summary>
    public IReadOnlyList<long> Attempts => _attempts.ToArray();

    public static DeliverySink From(IServiceProvider services) =>
        services.GetService(typeof(DeliverySink)) as DeliverySink
        ?? throw new InvalidOperationException("The drainer was given no DeliverySink in its services.");

    public async Task RecordAsync(
        OutboxMessage message,
        ReceivedAs how,
        object? payload,
        CancellationToken cancellationToken)
    {
        _attempts.Enqueue(message.Id);
        if (BeforeReceive is { } hook)
        {
            await hook(message, cancellationToken);
        }

        _received.Enqueue(new Received(
            message.Id,
            (TestCategory)message.Category.Value,
            message.ShardIdentifier,
            message.ObjectIdentifier,
            message.CellName,
            how,
            payload));
    }

    private sealed class SinkServices(DeliverySink sink) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(DeliverySink) ? sink : null;
    }
}
