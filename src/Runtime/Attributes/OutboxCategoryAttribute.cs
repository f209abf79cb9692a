namespace OutboxGen;

/// <summary>
/// Declares an enum member as an outbox category: the kind of change a row describes. Every category belongs to
/// exactly one scope.
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class OutboxCategoryAttribute : Attribute
{
    /// <summary>Registers the category under a scope.</summary>
    /// <param name="scope">A member of an enum whose members carry <see cref="OutboxScopeAttribute"/>.</param>
    public OutboxCategoryAttribute(object scope)
    {
        Scope = scope;
    }

    /// <summary>The scope the category belongs to.</summary>
    public object Scope { get; }

    /// <summary>The category is kept so its number is never reused, but nothing may write to it.</summary>
    public bool Retired { get; set; }
}
