using System.Collections;
using System.Reflection;

namespace OutboxGen.Generator.Tests.Infrastructure;

/// <summary>
/// Walks an object graph by reflection and finds anything from Roslyn in it: a symbol, a syntax node, a
/// compilation, or any other type of a Microsoft.CodeAnalysis assembly, which would keep a whole compilation alive
/// and defeat the generator's caching.
/// </summary>
internal static class RoslynObjectGraph
{
    /// <summary>The path to the first Roslyn object reachable from <paramref name="root"/>, or null.</summary>
    public static string? FindRoslynObject(object? root, string name) =>
        Find(root, name, new HashSet<object>(ReferenceEqualityComparer.Instance));

    private static string? Find(object? value, string path, HashSet<object> seen)
    {
        if (value is null)
        {
            return null;
        }

        var type = value.GetType();
        if (value is ISymbol or SyntaxNode or SyntaxTree or Compilation or SemanticModel || IsRoslyn(type))
        {
            return $"{path} is a {type.FullName}";
        }

        if (type.IsPrimitive || type.IsEnum || type.IsPointer || value is string or decimal or Type)
        {
            return null;
        }

        if (!type.IsValueType && !seen.Add(value))
        {
            return null;
        }

        if (value is Delegate function)
        {
            return Find(function.Target, path + ".Target", seen);
        }

        if (value is Array array)
        {
            var index = 0;
            foreach (var item in (IEnumerable)array)
            {
                if (Find(item, $"{path}[{index++}]", seen) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        foreach (var field in InstanceFields(type))
        {
            if (Find(field.GetValue(value), path + "." + field.Name, seen) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>A Roslyn type, or a generic type over one, such as an empty array of symbols.</summary>
    private static bool IsRoslyn(Type type)
    {
        if (type.Assembly.GetName().Name?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true)
        {
            return true;
        }

        if (type.HasElementType && IsRoslyn(type.GetElementType()!))
        {
            return true;
        }

        return type.IsGenericType && type.GetGenericArguments().Any(IsRoslyn);
    }

    private static IEnumerable<FieldInfo> InstanceFields(Type type)
    {
        const BindingFlags Flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic
            | BindingFlags.DeclaredOnly;
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var field in current.GetFields(Flags))
            {
                yield return field;
            }
        }
    }
}
