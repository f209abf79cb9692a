using OutboxGen.Storage;

namespace OutboxGen.EntityFramework;

/// <summary>Explicit outbox messages a context has been given and not yet saved.</summary>
internal sealed class PendingOutbox
{
    public List<NewRow> Messages { get; } = [];

    /// <summary>Set while the interceptor runs the inner save, so that save passes straight through.</summary>
    public bool Saving { get; set; }
}
