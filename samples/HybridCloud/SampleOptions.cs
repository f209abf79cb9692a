using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace HybridCloud;

/// <summary>The sample's command line: <c>--rows N</c>, <c>--db FOLDER</c>, <c>--seed N</c>, <c>--help</c>.</summary>
/// <param name="Rows">How many changes the workload makes.</param>
/// <param name="DatabaseFolder">The folder given with <c>--db</c>; null for a new temporary folder.</param>
/// <param name="Seed">The seed of the random workload.</param>
/// <param name="Help">Whether <c>--help</c> was asked for; nothing else is run then.</param>
public sealed record SampleOptions(int Rows, string? DatabaseFolder, int Seed, bool Help)
{
    public const int MinimumRows = 10;

    /// <summary>100 000 changes take about two minutes on two cores; a million is already a long wait.</summary>
    public const int MaximumRows = 1_000_000;

    public const string Usage =
        """
        usage: dotnet run --project samples/HybridCloud -- [--rows N] [--db FOLDER] [--seed N]

        Writes members, projects, teams and audit events in a cell silo, drains the cell outbox into a control silo,
        and compares every replica with its source. samples/HybridCloud/README.md explains the output.

          --rows N     how many changes to make (default 3000, from 10 to 1000000)
          --db FOLDER  where cell.db and control.db go. The sample always starts from empty databases: it deletes
                       the cell.db and control.db already in FOLDER, and keeps them after the run.
                       Default: a new temporary folder, deleted after a successful run.
          --seed N     seed of the random workload (default 7, from 0 to 2147483647)
          --help       print this text

        exit code: 0 every replica matches its source, 1 the run failed or found a mismatch,
                   2 the command line or the database folder is wrong
        """;

    private static readonly string[] Names = ["--rows", "--db", "--seed"];

    /// <summary>Reads the command line, checking each option's name before its value.</summary>
    public static bool TryParse(
        IReadOnlyList<string> args,
        [NotNullWhen(true)] out SampleOptions? options,
        [NotNullWhen(false)] out string? error)
    {
        options = null;
        error = null;
        var parsed = new SampleOptions(3000, null, 7, Help: false);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                options = parsed with { Help = true };
                return true;
            }

            if (!Names.Contains(name))
            {
                error = name.StartsWith('-') ? $"Unknown option {name}." : $"Unexpected argument '{name}'.";
                return false;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"{name} needs a value.";
                return false;
            }

            var value = args[++i];
            switch (name)
            {
                case "--rows":
                    error = ParseInt(name, value, MinimumRows, MaximumRows, out var rows);
                    parsed = parsed with { Rows = rows };
                    break;
                case "--seed":
                    error = ParseInt(name, value, 0, int.MaxValue, out var seed);
                    parsed = parsed with { Seed = seed };
                    break;
                case "--db":
                    error = value.Length == 0 ? "--db needs a folder, not an empty string." : null;
                    parsed = parsed with { DatabaseFolder = value };
                    break;
            }

            if (error is not null)
            {
                return false;
            }
        }

        options = parsed;
        return true;
    }

    /// <summary>Reads a whole number within a range; returns the error, or null when the value is good.</summary>
    private static string? ParseInt(string name, string value, int minimum, int maximum, out int number)
    {
        var valid = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number)
            && number >= minimum && number <= maximum;
        return valid ? null : $"{name} takes a whole number from {minimum} to {maximum}, not '{value}'.";
    }
}
