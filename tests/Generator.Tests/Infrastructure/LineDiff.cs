using System.Text;

namespace OutboxGen.Generator.Tests.Infrastructure;

/// <summary>A line diff for failure messages: the first differing lines with a little context around them.</summary>
internal static class LineDiff
{
    private const int Context = 2;

    /// <summary>
    /// Describes where <paramref name="actual"/> departs from <paramref name="expected"/>: removed lines as
    /// <c>- n: text</c> with their number in the expected text, added lines as <c>+ n: text</c> with their number in
    /// the actual text, at most <paramref name="maxChanges"/> of them.
    /// </summary>
    public static string FirstDifferences(string expected, string actual, int maxChanges = 12)
    {
        var edits = Edits(expected.Split('\n'), actual.Split('\n'));
        if (edits.All(e => e.Kind == ' '))
        {
            return "(no line differs)";
        }

        var changes = Enumerable.Range(0, edits.Count).Where(i => edits[i].Kind != ' ').ToArray();
        var shown = new SortedSet<int>();
        foreach (var change in changes.Take(maxChanges))
        {
            var last = Math.Min(edits.Count - 1, change + Context);
            for (var index = Math.Max(0, change - Context); index <= last; index++)
            {
                shown.Add(index);
            }
        }

        var text = new StringBuilder();
        var previous = -1;
        foreach (var index in shown)
        {
            if (previous >= 0 && index != previous + 1)
            {
                text.Append("...\n");
            }

            var (kind, line, content) = edits[index];
            text.Append(kind).Append(' ').Append(line).Append(": ").Append(content).Append('\n');
            previous = index;
        }

        if (changes.Length > maxChanges)
        {
            text.Append("... and ").Append(changes.Length - maxChanges).Append(" more differing lines\n");
        }

        return text.ToString();
    }

    /// <summary>A shortest edit script from the longest common subsequence of the lines.</summary>
    private static List<(char Kind, int Line, string Text)> Edits(string[] expected, string[] actual)
    {
        var common = new int[expected.Length + 1, actual.Length + 1];
        for (var i = expected.Length - 1; i >= 0; i--)
        {
            for (var j = actual.Length - 1; j >= 0; j--)
            {
                common[i, j] = expected[i] == actual[j]
                    ? common[i + 1, j + 1] + 1
                    : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var edits = new List<(char Kind, int Line, string Text)>();
        int e = 0, a = 0;
        while (e < expected.Length || a < actual.Length)
        {
            if (e < expected.Length && a < actual.Length && expected[e] == actual[a])
            {
                edits.Add((' ', e + 1, expected[e]));
                e++;
                a++;
            }
            else if (a == actual.Length || (e < expected.Length && common[e + 1, a] >= common[e, a + 1]))
            {
                edits.Add(('-', e + 1, expected[e]));
                e++;
            }
            else
            {
                edits.Add(('+', a + 1, actual[a]));
                a++;
            }
        }

        return edits;
    }
}
