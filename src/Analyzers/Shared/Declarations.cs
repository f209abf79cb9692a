using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace OutboxGen.Analyzers.Shared;

/// <summary>An enum member marked <c>[OutboxScope]</c>.</summary>
internal sealed record ScopeInfo(IFieldSymbol Field, long Value, string? ShardKey, bool Retired);

/// <summary>How the scope argument of an <c>[OutboxCategory]</c> resolves.</summary>
internal enum ScopeResolution
{
    /// <summary>The argument does not bind; the compiler already reports it.</summary>
    Invalid,

    /// <summary>The argument is no enum value, or a value of an enum without scopes.</summary>
    NotAScope,

    /// <summary>The argument is a value of a scope enum that no <c>[OutboxScope]</c> member declares.</summary>
    Undeclared,

    /// <summary>The argument names a declared scope.</summary>
    Declared,
}

/// <summary>An enum member marked <c>[OutboxCategory]</c>, with its scope resolved.</summary>
internal sealed record CategoryInfo(
    IFieldSymbol Field,
    AttributeData Attribute,
    long Value,
    bool Retired,
    ScopeResolution Resolution,
    INamedTypeSymbol? ScopeEnum,
    long ScopeValue,
    ScopeInfo? Scope);

/// <summary>A replicated model or receiver method that receives a category's rows in one silo's outbox.</summary>
internal sealed record Claim(ISymbol Owner, string OwnerName, CategoryInfo Category, int Silo, Location Location);

/// <summary>Reads scopes, categories, models and receivers from attributes, in source or in references.</summary>
internal static class Declarations
{
    /// <summary>The silo a model or receiver names, defaulting to the cell silo.</summary>
    public static int Silo(AttributeData attribute)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Silo" && argument.Value.Value is int silo)
            {
                return silo;
            }
        }

        return 0;
    }

    /// <summary>Reports a silo value the generator skips because it is neither Cell nor Control.</summary>
    public static void ReportUnknownSilo(SymbolAnalysisContext context, ISymbol owner, AttributeData attribute)
    {
        var silo = Silo(attribute);
        if (silo is 0 or 1)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.UnknownSilo,
            NameLocation(owner),
            owner.Name,
            silo.ToString(CultureInfo.InvariantCulture)));
    }

    public static string SiloName(int silo) => silo switch
    {
        0 => "Cell",
        1 => "Control",
        _ => silo.ToString(CultureInfo.InvariantCulture),
    };

    public static bool NamedBool(AttributeData attribute, string name) =>
        attribute.NamedArguments.Any(a => a.Key == name && a.Value.Value is true);

    public static string? NamedString(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;

    public static ScopeInfo? ReadScope(IFieldSymbol field, OutboxSymbols symbols)
    {
        if (!field.HasConstantValue || symbols.Find(field, symbols.ScopeAttribute) is not { } attribute)
        {
            return null;
        }

        return new ScopeInfo(
            field,
            ToInt64(field.ConstantValue),
            NamedString(attribute, "ShardKey"),
            NamedBool(attribute, "Retired"));
    }

    public static CategoryInfo? ReadCategory(IFieldSymbol field, OutboxSymbols symbols)
    {
        if (!field.HasConstantValue || symbols.Find(field, symbols.CategoryAttribute) is not { } attribute)
        {
            return null;
        }

        var resolution = ScopeResolution.Invalid;
        INamedTypeSymbol? scopeEnum = null;
        long scopeValue = 0;
        ScopeInfo? scope = null;
        if (attribute.ConstructorArguments.Length == 1)
        {
            var argument = attribute.ConstructorArguments[0];
            if (argument.Kind == TypedConstantKind.Error)
            {
                resolution = ScopeResolution.Invalid;
            }
            else if (argument.Kind != TypedConstantKind.Enum
                || argument.Type is not INamedTypeSymbol enumType
                || argument.Value is null
                || !IsScopeEnum(enumType, symbols))
            {
                resolution = ScopeResolution.NotAScope;
            }
            else
            {
                scopeEnum = enumType;
                scopeValue = ToInt64(argument.Value);
                scope = FindScope(enumType, scopeValue, symbols);
                resolution = scope is null ? ScopeResolution.Undeclared : ScopeResolution.Declared;
            }
        }

        return new CategoryInfo(
            field,
            attribute,
            ToInt64(field.ConstantValue),
            NamedBool(attribute, "Retired"),
            resolution,
            scopeEnum,
            scopeValue,
            scope);
    }

    public static bool IsScopeEnum(INamedTypeSymbol type, OutboxSymbols symbols) =>
        type.TypeKind == TypeKind.Enum
        && type.GetMembers().OfType<IFieldSymbol>().Any(f => symbols.Find(f, symbols.ScopeAttribute) is not null);

    public static bool IsCategoryEnum(INamedTypeSymbol type, OutboxSymbols symbols) =>
        type.TypeKind == TypeKind.Enum
        && type.GetMembers().OfType<IFieldSymbol>().Any(f => symbols.Find(f, symbols.CategoryAttribute) is not null);

    public static ScopeInfo? FindScope(INamedTypeSymbol enumType, long value, OutboxSymbols symbols)
    {
        foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>())
        {
            if (field.HasConstantValue && ToInt64(field.ConstantValue) == value
                && ReadScope(field, symbols) is { } scope)
            {
                return scope;
            }
        }

        return null;
    }

    /// <summary>The category an attribute or method argument names, when it is a constant enum value.</summary>
    public static CategoryInfo? FindCategory(ITypeSymbol? enumType, object? value, OutboxSymbols symbols)
    {
        if (enumType is not INamedTypeSymbol { TypeKind: TypeKind.Enum } named || value is null)
        {
            return null;
        }

        var number = ToInt64(value);
        foreach (var field in named.GetMembers().OfType<IFieldSymbol>())
        {
            if (field.HasConstantValue && ToInt64(field.ConstantValue) == number
                && ReadCategory(field, symbols) is { } category)
            {
                return category;
            }
        }

        return null;
    }

    /// <summary>Describes an argument for a message: the enum member it names, or its value.</summary>
    public static string Describe(ITypeSymbol? enumType, object? value)
    {
        if (enumType is INamedTypeSymbol { TypeKind: TypeKind.Enum } named && value is not null)
        {
            var number = ToInt64(value);
            var field = named.GetMembers().OfType<IFieldSymbol>()
                .FirstOrDefault(f => f.HasConstantValue && ToInt64(f.ConstantValue) == number);
            return field is null
                ? $"Value {number.ToString(CultureInfo.InvariantCulture)} of '{named.Name}'"
                : $"'{named.Name}.{field.Name}'";
        }

        return value switch
        {
            null => "'null'",
            string text => $"\"{text}\"",
            IFormattable formattable => $"'{formattable.ToString(null, CultureInfo.InvariantCulture)}'",
            _ => $"'{value}'",
        };
    }

    public static long ToInt64(object? value) => value switch
    {
        null => 0,
        ulong number => unchecked((long)number),
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    public static bool FitsInt(object? value) => value switch
    {
        ulong number => number <= int.MaxValue,
        uint number => number <= int.MaxValue,
        long number => number is >= int.MinValue and <= int.MaxValue,
        _ => true,
    };

    /// <summary>Where an attribute's first constructor argument is written, else where the attribute is.</summary>
    public static Location ArgumentLocation(AttributeData attribute, ISymbol fallback, CancellationToken token)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(token) is AttributeSyntax syntax)
        {
            if (syntax.ArgumentList is { Arguments.Count: > 0 } list)
            {
                return list.Arguments[0].GetLocation();
            }

            return syntax.GetLocation();
        }

        return fallback.Locations.FirstOrDefault() ?? Location.None;
    }

    /// <summary>Where a symbol's name is declared, for diagnostics that point at the declaration.</summary>
    public static Location NameLocation(ISymbol symbol) =>
        symbol.Locations.FirstOrDefault(l => l.IsInSource) ?? Location.None;

    /// <summary>Orders symbols by where their source declaration is, so "first" means first in the sources.</summary>
    public static IComparer<Location> SourceOrder { get; } = Comparer<Location>.Create((left, right) =>
    {
        var byPath = string.CompareOrdinal(left.SourceTree?.FilePath, right.SourceTree?.FilePath);
        return byPath != 0 ? byPath : left.SourceSpan.Start.CompareTo(right.SourceSpan.Start);
    });

    /// <summary>The source types of the compilation, nested types included.</summary>
    public static IEnumerable<INamedTypeSymbol> SourceTypes(Compilation compilation)
    {
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var member in current.GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    pending.Push(ns);
                }
                else if (member is INamedTypeSymbol type)
                {
                    yield return type;
                    pending.Push(type);
                }
            }
        }
    }
}
