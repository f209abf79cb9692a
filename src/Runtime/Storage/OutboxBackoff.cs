namespace OutboxGen;

/// <summary>The backoff a shard is moved into each time a drainer picks it up.</summary>
public static class OutboxBackoff
{
    /// <summary>The shortest backoff.</summary>
    public static readonly TimeSpan Minimum = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff.</summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromHours(1);

    /// <summary>
    /// When a shard picked up at <paramref name="now"/> may next be drained: twice its previous backoff
    /// (<paramref name="scheduledFor"/> minus <paramref name="scheduledFrom"/>), at least one second and at most
    /// one hour. A shard that never failed has no previous backoff and gets one second.
    /// </summary>
    public static DateTime Next(DateTime scheduledFrom, DateTime scheduledFor, DateTime now)
    {
        var previous = scheduledFor - scheduledFrom;
        var doubled = previous > Maximum / 2 ? Maximum : previous * 2;
        var delay = doubled < Minimum ? Minimum : doubled;
        return now + delay;
    }
}
