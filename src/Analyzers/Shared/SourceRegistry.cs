using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace OutboxGen.Analyzers.Shared;

/// <summary>
/// The scopes, categories and receivers declared in a compilation's sources: what the generator builds the
/// registry from. Built once per compilation, on first use.
/// </summary>
internal sealed class SourceRegistry
{
    private SourceRegistry(
        ImmutableArray<ScopeInfo> scopes,
        ImmutableArray<CategoryInfo> categories,
        ImmutableArray<Claim> claims)
    {
        Scopes = scopes;
        Categories = categories;
        Claims = claims;
    }

    public ImmutableArray<ScopeInfo> Scopes { get; }

    public ImmutableArray<CategoryInfo> Categories { get; }

    public ImmutableArray<Claim> Claims { get; }

    public static SourceRegistry Build(Compilation compilation, OutboxSymbols symbols, CancellationToken token)
    {
        var scopes = ImmutableArray.CreateBuilder<ScopeInfo>();
        var categories = ImmutableArray.CreateBuilder<CategoryInfo>();
        var claims = ImmutableArray.CreateBuilder<Claim>();
        foreach (var type in Declarations.SourceTypes(compilation))
        {
            token.ThrowIfCancellationRequested();
            if (type.TypeKind == TypeKind.Enum)
            {
                foreach (var field in type.GetMembers().OfType<IFieldSymbol>())
                {
                    if (Declarations.ReadScope(field, symbols) is { } scope)
                    {
                        scopes.Add(scope);
                    }

                    if (Declarations.ReadCategory(field, symbols) is { } category)
                    {
                        categories.Add(category);
                    }
                }

                continue;
            }

            if (symbols.Find(type, symbols.ReplicatedAttribute) is { } replicated
                && ClaimOf(type, type.Name, replicated, symbols, token) is { } modelClaim)
            {
                claims.Add(modelClaim);
            }

            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                if (symbols.Find(method, symbols.ReceiverAttribute) is { } receiver
                    && ClaimOf(method, type.Name + "." + method.Name, receiver, symbols, token) is { } receiverClaim)
                {
                    claims.Add(receiverClaim);
                }
            }
        }

        return new SourceRegistry(
            Sorted(scopes, s => s.Field),
            Sorted(categories, c => c.Field),
            claims.OrderBy(c => c.Location, Declarations.SourceOrder).ToImmutableArray());
    }

    /// <summary>Whether a category's rows have a receiver in any silo.</summary>
    public bool IsClaimed(CategoryInfo category) =>
        Claims.Any(c => SymbolEqualityComparer.Default.Equals(c.Category.Field, category.Field));

    /// <summary>The claims that receive the same category in the same silo as <paramref name="claim"/>.</summary>
    public IEnumerable<Claim> Rivals(Claim claim) => Claims.Where(other =>
        !ReferenceEquals(other, claim)
        && other.Silo == claim.Silo
        && SymbolEqualityComparer.Default.Equals(other.Category.Field, claim.Category.Field));

    private static Claim? ClaimOf(
        ISymbol owner,
        string ownerName,
        AttributeData attribute,
        OutboxSymbols symbols,
        CancellationToken token)
    {
        if (attribute.ConstructorArguments.Length != 1)
        {
            return null;
        }

        var argument = attribute.ConstructorArguments[0];
        if (argument.Kind != TypedConstantKind.Enum
            || Declarations.FindCategory(argument.Type, argument.Value, symbols) is not { } category)
        {
            return null;
        }

        return new Claim(
            owner,
            ownerName,
            category,
            Declarations.Silo(attribute),
            Declarations.ArgumentLocation(attribute, owner, token));
    }

    private static ImmutableArray<T> Sorted<T>(ImmutableArray<T>.Builder items, System.Func<T, ISymbol> symbol) =>
        items.OrderBy(i => Declarations.NameLocation(symbol(i)), Declarations.SourceOrder).ToImmutableArray();
}
