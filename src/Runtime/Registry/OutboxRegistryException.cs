namespace OutboxGen;

/// <summary>A row names a scope or category the registry does not allow.</summary>
public sealed class OutboxRegistryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OutboxRegistryException(string message)
        : base(message)
    {
    }
}
