using Microsoft.EntityFrameworkCore.Infrastructure;
using OutboxGen.Storage;

namespace OutboxGen.EntityFramework;

/// <summary>
/// Explicit outbox messages a context has been given and not yet saved. One per context, from the context's own
/// services, so a pooled context forgets them when it goes back to the pool instead of handing them to its next user.
/// </summary>
internal sealed class PendingOutbox : IResettableService
{
    public List<NewRow> Messages { get; } = [];

    /// <summary>Set while the interceptor runs the inner save, so that save passes straight through.</summary>
    public bool Saving { get; set; }

    public void ResetState()
    {
        Messages.Clear();
        Saving = false;
    }

    public Task ResetStateAsync(CancellationToken cancellationToken = default)
    {
        ResetState();
        return Task.CompletedTask;
    }
}
