using System;
using System.Collections.Generic;
using System.Linq;
using OutboxGen.Generator.Model;

namespace OutboxGen.Generator.Parsing;

/// <summary>
/// Joins the parsed specs: which scopes and categories are registered, and which models and receivers can be
/// emitted. Input that breaks a rule is left out, never emitted half-way; the analyzers report why.
/// </summary>
internal static class Resolver
{
    public static Declarations Declare(
        System.Collections.Immutable.ImmutableArray<ScopeSpec> scopes,
        System.Collections.Immutable.ImmutableArray<CategorySpec> categories) =>
        new(
            scopes.OrderBy(s => s.EnumType, StringComparer.Ordinal)
                .ThenBy(s => s.Value)
                .ThenBy(s => s.Member, StringComparer.Ordinal)
                .ToEquatableArray(),
            categories.OrderBy(c => c.EnumType, StringComparer.Ordinal).ThenBy(c => c.Value)
                .ThenBy(c => c.Member, StringComparer.Ordinal).ToEquatableArray());

    /// <summary>The scopes that get a registry entry: an int number no other scope shares.</summary>
    public static IReadOnlyList<ScopeSpec> RegisteredScopes(Declarations declarations) =>
        declarations.Scopes
            .Where(s => s.Value is >= int.MinValue and <= int.MaxValue)
            .GroupBy(s => s.Value)
            .Where(g => g.Count() == 1)
            .Select(g => g.Single())
            .OrderBy(s => s.Value)
            .ToArray();

    /// <summary>The categories that get a registry entry, each with its scope.</summary>
    public static IReadOnlyList<(CategorySpec Category, ScopeSpec Scope)> RegisteredCategories(
        Declarations declarations)
    {
        var scopes = RegisteredScopes(declarations);
        return declarations.Categories
            .Where(c => c.Value is >= int.MinValue and <= int.MaxValue)
            .GroupBy(c => c.Value)
            .Where(g => g.Count() == 1)
            .Select(g => g.Single())
            .Select(c => (Category: c, Scope: scopes.FirstOrDefault(s =>
                s.EnumType == c.ScopeEnumType && s.Value == c.ScopeValue)))
            .Where(pair => pair.Scope is not null)
            .OrderBy(pair => pair.Category.Value)
            .ToArray()!;
    }

    public static ResolvedModel? Resolve(ReplicatedSpec spec, Declarations declarations)
    {
        if (!spec.IsPartial || spec.IsUnsupportedShape || spec.Category is not { } reference
            || spec.Silo is not (0 or 1))
        {
            return null;
        }

        if (!spec.HasReplicationHandler || !spec.HasDeletionHandler || (spec.Silo == 1 && !spec.HasTargetCells))
        {
            return null;
        }

        var (category, scope) = RegisteredCategories(declarations)
            .FirstOrDefault(pair => pair.Category.EnumType == reference.EnumType
                && pair.Category.Value == reference.Value);
        if (category is null || category.Retired || scope.Retired || scope.ShardKey is null)
        {
            return null;
        }

        var shardKey = spec.Members.FirstOrDefault(m => m.Name == scope.ShardKey);
        var key = FindKey(spec);
        if (shardKey is not { IsInteger: true } || key is not { IsInteger: true })
        {
            return null;
        }

        return new ResolvedModel(
            spec.Namespace,
            spec.ContainingTypes,
            spec.Name,
            spec.FullyQualifiedName,
            spec.Silo,
            (int)scope.Value,
            (int)category.Value,
            spec.ReplicationVersion,
            shardKey.Name,
            key.Name,
            key.Type,
            spec.PayloadType,
            spec.DeletionPayloadType,
            spec.HasTargetCells);
    }

    /// <summary>
    /// The member EF Core would take as the key: <c>[Key]</c>, else <c>Id</c>, else <c>TypeNameId</c>.
    /// </summary>
    public static MemberSpec? FindKey(ReplicatedSpec spec)
    {
        var marked = spec.Members.Where(m => m.IsKey).ToArray();
        if (marked.Length > 0)
        {
            return marked.Length == 1 ? marked[0] : null;
        }

        return spec.Members.FirstOrDefault(m => m.Name == "Id")
            ?? spec.Members.FirstOrDefault(m => m.Name == spec.Name + "Id");
    }

    public static RegistrySpec BuildRegistry(
        Declarations declarations,
        System.Collections.Immutable.ImmutableArray<ResolvedModel?> models,
        System.Collections.Immutable.ImmutableArray<ReceiverSpec> receivers)
    {
        var scopes = RegisteredScopes(declarations);
        var categories = RegisteredCategories(declarations);

        var resolvedModels = models.Where(m => m is not null).Select(m => m!).ToArray();
        var resolvedReceivers = receivers
            .Where(r => r.IsValid && r.Category is { } reference && r.Silo is 0 or 1
                && categories.Any(c =>
                    c.Category.EnumType == reference.EnumType && c.Category.Value == reference.Value))
            .ToArray();

        // A category claimed twice in one silo's outbox gets no receiver: picking one would hide the mistake.
        var claims = new HashSet<(int Silo, long Category)>(resolvedModels
            .Select(m => (m.Silo, Category: (long)m.Category))
            .Concat(resolvedReceivers.Select(r => (r.Silo, Category: r.Category!.Value.Value)))
            .GroupBy(c => c)
            .Where(g => g.Count() == 1)
            .Select(g => g.Key));

        return new RegistrySpec(
            scopes.Select(s => new ScopeEntry((int)s.Value, s.Member, s.ShardKey, s.Retired)).ToEquatableArray(),
            categories
                .Select(c => new CategoryEntry(
                    (int)c.Category.Value,
                    c.Category.Member,
                    (int)c.Scope.Value,
                    c.Category.Retired))
                .ToEquatableArray(),
            resolvedModels
                .Where(m => claims.Contains((m.Silo, m.Category)))
                .OrderBy(m => m.Silo).ThenBy(m => m.Category)
                .ToEquatableArray(),
            resolvedReceivers
                .Where(r => claims.Contains((r.Silo, r.Category!.Value.Value)))
                .OrderBy(r => r.Silo).ThenBy(r => r.Category!.Value.Value)
                .ToEquatableArray());
    }
}
