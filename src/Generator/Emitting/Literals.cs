using System.Globalization;
using System.Text;

namespace OutboxGen.Generator.Emitting;

internal static class Literals
{
    public static string String(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Silo(int silo) => silo == 1
        ? "global::OutboxGen.OutboxSilo.Control"
        : "global::OutboxGen.OutboxSilo.Cell";

    /// <summary>A name made of the characters allowed in an identifier; two names may map to the same one.</summary>
    public static string Identifier(string fullyQualifiedName)
    {
        var text = new StringBuilder();
        foreach (var c in fullyQualifiedName.Replace("global::", ""))
        {
            text.Append(char.IsLetterOrDigit(c) ? c : '_');
        }

        return text.ToString();
    }

    /// <summary>A type's name as a hint name: the dots kept, so that distinct types never share one.</summary>
    public static string HintName(string fullyQualifiedName)
    {
        var text = new StringBuilder();
        foreach (var c in fullyQualifiedName.Replace("global::", ""))
        {
            text.Append(char.IsLetterOrDigit(c) || c == '.' ? c : '_');
        }

        return text.ToString();
    }

    /// <summary>The silo and category a registry binding is for, unique among the bindings: <c>Cell3</c>.</summary>
    public static string Binding(int silo, long category) =>
        (silo == 1 ? "Control" : "Cell") + Int(category);
}
