using System.Runtime.CompilerServices;
using System.Text;

namespace OutboxGen.Generator.Tests.Infrastructure;

/// <summary>
/// Compares generated sources with golden files committed in <c>Snapshots/</c> beside the test's source file, one
/// per generated file, named <c>&lt;TestName&gt;.&lt;hint name without .cs&gt;.verified.cs</c>.
/// </summary>
/// <remarks>
/// On a mismatch the generated text is written beside the golden file as <c>.received.cs</c> and the test fails
/// with the first differing lines. With <see cref="AcceptVariable"/> set to <c>1</c> the received text replaces
/// the golden file instead, and golden files of the test that the generator no longer writes are deleted.
/// </remarks>
internal static class SnapshotAssert
{
    public const string AcceptVariable = "OUTBOXGEN_ACCEPT";

    private const string Verified = ".verified.cs";
    private const string Received = ".received.cs";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static bool Accepting =>
        Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true" or "True" or "TRUE";

    /// <summary>Asserts that every source of the run matches its golden file and no golden file is left over.</summary>
    public static void Matches(
        GeneratorRun run,
        [CallerFilePath] string testFile = "",
        [CallerMemberName] string testName = "") =>
        Matches(run.Sources, Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots"), testName, Accepting);

    public static void Matches(
        IReadOnlyDictionary<string, string> sources,
        string directory,
        string testName,
        bool accept)
    {
        Directory.CreateDirectory(directory);
        var failures = new List<string>();
        var golden = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (hintName, actual) in sources.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var stem = Path.Combine(directory, testName + "." + Path.GetFileNameWithoutExtension(hintName));
            var verified = stem + Verified;
            var received = stem + Received;
            golden.Add(Path.GetFileName(verified));

            var expected = File.Exists(verified) ? File.ReadAllText(verified).ReplaceLineEndings("\n") : null;
            if (expected == actual)
            {
                File.Delete(received);
            }
            else if (accept)
            {
                File.WriteAllText(verified, actual, Utf8);
                File.Delete(received);
            }
            else
            {
                File.WriteAllText(received, actual, Utf8);
                failures.Add(expected is null
                    ? $"{hintName} has no golden file {verified}; the output is in {received}."
                    : $"{hintName} differs from {verified}; the output is in {received}:\n" +
                        LineDiff.FirstDifferences(expected, actual));
            }
        }

        foreach (var path in Directory.EnumerateFiles(directory, testName + ".*" + Verified))
        {
            if (golden.Contains(Path.GetFileName(path)))
            {
                continue;
            }

            if (accept)
            {
                File.Delete(path);
            }
            else
            {
                failures.Add($"{path} is a golden file of a source the generator no longer writes.");
            }
        }

        if (failures.Count > 0)
        {
            Assert.Fail(string.Join("\n", failures) +
                $"\nIf the new output is right, run the tests again with {AcceptVariable}=1 to accept it.");
        }
    }
}
