using System.Collections.Frozen;

namespace OutboxGen;

/// <summary>
/// The scopes, categories and dispatch tables of one application, built by the source generator from the
/// application's attributes. Generated code exposes it as <c>OutboxGen.Generated.GeneratedOutbox.Registry</c>.
/// </summary>
public sealed class OutboxRegistry
{
    private readonly FrozenDictionary<int, ScopeDescriptor> _scopes;
    private readonly FrozenDictionary<int, CategoryDescriptor> _categories;
    private readonly FrozenDictionary<(OutboxSilo Silo, int Category), OutboxReceiverBinding> _receivers;

    /// <summary>Creates a registry; called by generated code.</summary>
    /// <exception cref="ArgumentException">A number is declared twice, or a category's scope is unknown.</exception>
    public OutboxRegistry(
        IEnumerable<ScopeDescriptor> scopes,
        IEnumerable<CategoryDescriptor> categories,
        IEnumerable<OutboxReceiverBinding> receivers)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(receivers);

        Scopes = scopes.OrderBy(s => s.Value).ToArray();
        Categories = categories.OrderBy(c => c.Value).ToArray();
        Receivers = receivers.OrderBy(r => r.Silo).ThenBy(r => r.Category).ToArray();

        _scopes = ToUniqueDictionary(Scopes, s => s.Value, "scope");
        _categories = ToUniqueDictionary(Categories, c => c.Value, "category");
        _receivers = ToUniqueDictionary(Receivers, r => (r.Silo, r.Category), "receiver for category");

        foreach (var category in Categories)
        {
            if (!_scopes.ContainsKey(category.Scope))
            {
                throw new ArgumentException(
                    $"Category {category.Name} ({category.Value}) names scope {category.Scope}, which is not a " +
                    "declared scope.",
                    nameof(categories));
            }
        }
    }

    /// <summary>The declared scopes, by number.</summary>
    public IReadOnlyList<ScopeDescriptor> Scopes { get; }

    /// <summary>The declared categories, by number.</summary>
    public IReadOnlyList<CategoryDescriptor> Categories { get; }

    /// <summary>The dispatch tables of every silo, by silo and category.</summary>
    public IReadOnlyList<OutboxReceiverBinding> Receivers { get; }

    /// <summary>The generated payload serializers, used to write explicit messages' payloads.</summary>
    public Serialization.OutboxPayloadSerializers PayloadSerializers { get; init; } =
        Serialization.OutboxPayloadSerializers.Empty;

    /// <summary>Finds a scope by number.</summary>
    public bool TryGetScope(int value, [NotNullWhen(true)] out ScopeDescriptor? scope) =>
        _scopes.TryGetValue(value, out scope);

    /// <summary>Finds a category by number.</summary>
    public bool TryGetCategory(int value, [NotNullWhen(true)] out CategoryDescriptor? category) =>
        _categories.TryGetValue(value, out category);

    /// <summary>Finds the receiver of a category's rows in a silo's outbox.</summary>
    public bool TryGetReceiver(
        OutboxSilo silo,
        int category,
        [NotNullWhen(true)] out OutboxReceiverBinding? receiver) =>
        _receivers.TryGetValue((silo, category), out receiver);

    /// <summary>The categories that belong to a scope, by number.</summary>
    public IReadOnlyList<CategoryDescriptor> CategoriesOf(int scope) =>
        Categories.Where(c => c.Scope == scope).ToArray();

    /// <summary>The name of a scope, or its number when it is not declared.</summary>
    public string ScopeName(int value) => _scopes.TryGetValue(value, out var scope) ? scope.Name : $"#{value}";

    /// <summary>The name of a category, or its number when it is not declared.</summary>
    public string CategoryName(int value) =>
        _categories.TryGetValue(value, out var category) ? category.Name : $"#{value}";

    /// <summary>
    /// Checks that a row may be written: the scope and category are declared and not retired, and the category
    /// belongs to the scope.
    /// </summary>
    /// <exception cref="OutboxRegistryException">The row would break one of those rules.</exception>
    public void ValidateForWrite(int scope, int category)
    {
        var descriptor = ValidateMembership(scope, category);
        if (descriptor.Retired)
        {
            throw new OutboxRegistryException(
                $"Category {descriptor.Name} ({category}) is retired; no new rows may be written to it.");
        }

        if (_scopes[scope].Retired)
        {
            throw new OutboxRegistryException(
                $"Scope {_scopes[scope].Name} ({scope}) is retired; no new rows may be written to it.");
        }
    }

    /// <summary>
    /// Checks that a stored row can be delivered: the scope and category are declared and the category belongs
    /// to the scope. Retired categories are still delivered so rows written before retirement drain.
    /// </summary>
    /// <exception cref="OutboxRegistryException">The row breaks one of those rules.</exception>
    public CategoryDescriptor ValidateMembership(int scope, int category)
    {
        if (!_scopes.TryGetValue(scope, out var scopeDescriptor))
        {
            throw new OutboxRegistryException($"Scope {scope} is not a declared scope.");
        }

        if (!_categories.TryGetValue(category, out var descriptor))
        {
            throw new OutboxRegistryException($"Category {category} is not a declared category.");
        }

        if (descriptor.Scope != scope)
        {
            throw new OutboxRegistryException(
                $"Category {descriptor.Name} ({category}) belongs to scope {ScopeName(descriptor.Scope)}, " +
                $"not to scope {scopeDescriptor.Name} ({scope}).");
        }

        return descriptor;
    }

    private static FrozenDictionary<TKey, T> ToUniqueDictionary<TKey, T>(
        IEnumerable<T> items,
        Func<T, TKey> key,
        string what)
        where TKey : notnull
    {
        var map = new Dictionary<TKey, T>();
        foreach (var item in items)
        {
            if (!map.TryAdd(key(item), item))
            {
                throw new ArgumentException($"The {what} {key(item)} is declared twice.", nameof(items));
            }
        }

        return map.ToFrozenDictionary();
    }
}
