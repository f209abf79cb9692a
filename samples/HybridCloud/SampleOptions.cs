using System.Globalization;

namespace HybridCloud;

/// <summary>The sample's command line: <c>--rows N</c>, <c>--db FOLDER</c>, <c>--seed N</c>.</summary>
public sealed record SampleOptions(int Rows, string DatabaseFolder, int Seed)
{
    public const string Usage =
        "usage: dotnet run --project samples/HybridCloud -- [--rows N] [--db FOLDER] [--seed N]\n" +
        "  --rows N     how many model changes and audit events to write (default 3000, at least 10)\n" +
        "  --db FOLDER  where the cell.db and control.db files go (default: a new temporary folder)\n" +
        "  --seed N     seed of the random workload (default 7)";

    public static SampleOptions Parse(IReadOnlyList<string> args)
    {
        var rows = 3000;
        string? folder = null;
        var seed = 7;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                throw new ArgumentException(Usage);
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value.\n{Usage}");
            }

            var value = args[++i];
            switch (name)
            {
                case "--rows":
                    rows = ParseInt(name, value, minimum: 10);
                    break;
                case "--db":
                    folder = value;
                    break;
                case "--seed":
                    seed = ParseInt(name, value, minimum: 0);
                    break;
                default:
                    throw new ArgumentException($"Unknown option {name}.\n{Usage}");
            }
        }

        folder ??= Path.Combine(Path.GetTempPath(), "outboxgen-hybridcloud-" + Guid.NewGuid().ToString("N")[..8]);
        return new SampleOptions(rows, Path.GetFullPath(folder), seed);
    }

    private static int ParseInt(string name, string value, int minimum)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < minimum)
        {
            throw new ArgumentException($"{name} takes a whole number of at least {minimum}, not '{value}'.\n{Usage}");
        }

        return number;
    }
}
