using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace OutboxGen.Analyzers.Shared;

/// <summary>Finds the tables a SQL text writes to, by the statements that start a write.</summary>
internal static class SqlWrites
{
    private const string Name = @"(?:[""\[`]?\w+[""\]`]?\.)*[""\[`]?(?<table>\w+)[""\]`]?";

    private static readonly Regex Literals = new(
        @"'(?:[^']|'')*'|--[^\n]*|/\*.*?\*/",
        RegexOptions.Singleline | RegexOptions.CultureInvariant);

    // An UPDATE counts only with its SET, so SELECT ... FOR UPDATE and INSERT ... DO UPDATE SET are no writes of
    // their own.
    private static readonly Regex Writes = new(
        @"\bUPDATE(?:\s+(?:ONLY|OR\s+\w+))?\s+" + Name + @"(?:\s+(?:AS\s+)?\w+)?\s+SET\b"
        + @"|\bDELETE\s+FROM\s+(?:ONLY\s+)?" + Name
        + @"|\b(?:INSERT|REPLACE)(?:\s+OR\s+\w+)?\s+INTO\s+" + Name
        + @"|\bMERGE\s+INTO\s+" + Name,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The names of the tables the SQL writes, unquoted and without schema, in order.</summary>
    public static IReadOnlyList<string> Tables(string sql)
    {
        var text = Literals.Replace(sql, "''");
        return Writes.Matches(text).Cast<Match>().Select(m => m.Groups["table"].Value).ToList();
    }

    /// <summary>
    /// The SQL text an argument passes, with interpolation holes as parameters; null when it is not known at compile
    /// time.
    /// </summary>
    public static string? Text(IOperation? value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (value is null)
        {
            return null;
        }

        if (value.ConstantValue is { HasValue: true, Value: string constant })
        {
            return constant;
        }

        if (value is IInterpolatedStringOperation interpolated)
        {
            var builder = new StringBuilder();
            foreach (var part in interpolated.Parts)
            {
                if (part is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string text })
                {
                    builder.Append(text);
                }
                else
                {
                    builder.Append("@p");
                }
            }

            return builder.ToString();
        }

        return null;
    }
}
