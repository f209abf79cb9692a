namespace OutboxGen.Generator;

/// <summary>Metadata names of the runtime types the generator looks for.</summary>
internal static class Names
{
    public const string ScopeAttribute = "OutboxGen.OutboxScopeAttribute";
    public const string CategoryAttribute = "OutboxGen.OutboxCategoryAttribute";
    public const string ReplicatedAttribute = "OutboxGen.ReplicatedAttribute";
    public const string ReceiverAttribute = "OutboxGen.OutboxReceiverAttribute";
    public const string KeyAttribute = "System.ComponentModel.DataAnnotations.KeyAttribute";
    public const string ReplicationContext = "OutboxGen.ReplicationContext";
    public const string DeletionContext = "OutboxGen.DeletionContext";
    public const string GenericDeletionContext = "OutboxGen.DeletionContext`1";
    public const string OutboxMessage = "OutboxGen.OutboxMessage";
    public const string Task = "System.Threading.Tasks.Task";
    public const string CancellationToken = "System.Threading.CancellationToken";
    public const string EnumerableOfT = "System.Collections.Generic.IEnumerable`1";
}
