using Xunit.Sdk;

namespace OutboxGen.Generator.Tests;

/// <summary>The golden-file helper itself: what it writes and how it fails.</summary>
public sealed class SnapshotAssertTests : IDisposable
{
    private const string Hint = "OutboxGen.Registry.g.cs";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "outboxgen-snapshots-" + Guid.NewGuid());

    private string Verified => Path.Combine(_directory, "Case.OutboxGen.Registry.g.verified.cs");

    private string Received => Path.Combine(_directory, "Case.OutboxGen.Registry.g.received.cs");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Matching_output_passes_and_removes_a_stale_received_file()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Verified, "one\ntwo\n");
        File.WriteAllText(Received, "old\n");

        SnapshotAssert.Matches(Sources("one\ntwo\n"), _directory, "Case", accept: false);

        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void Golden_file_with_windows_line_ends_still_matches()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Verified, "one\r\ntwo\r\n");

        SnapshotAssert.Matches(Sources("one\ntwo\n"), _directory, "Case", accept: false);

        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void Mismatch_writes_the_received_file_and_fails_with_the_first_differing_lines()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Verified, "a\nb\nc\nd\ne\nf\ng\n");

        var failure = Assert.ThrowsAny<XunitException>(() =>
            SnapshotAssert.Matches(Sources("a\nb\nc\nD\ne\nf\ng\n"), _directory, "Case", accept: false));

        Assert.Equal("a\nb\nc\nD\ne\nf\ng\n", File.ReadAllText(Received));
        Assert.Equal("a\nb\nc\nd\ne\nf\ng\n", File.ReadAllText(Verified));
        Assert.Contains("  2: b\n  3: c\n- 4: d\n+ 4: D\n  5: e\n  6: f\n", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("1: a", failure.Message, StringComparison.Ordinal);
        Assert.Contains(SnapshotAssert.AcceptVariable + "=1", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_golden_file_fails_and_writes_the_received_file()
    {
        var failure = Assert.ThrowsAny<XunitException>(() =>
            SnapshotAssert.Matches(Sources("new\n"), _directory, "Case", accept: false));

        Assert.Equal("new\n", File.ReadAllText(Received));
        Assert.False(File.Exists(Verified));
        Assert.Contains("has no golden file", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Golden_file_of_a_source_no_longer_generated_fails()
    {
        Directory.CreateDirectory(_directory);
        var stale = Path.Combine(_directory, "Case.OutboxGen.Model.Shop.Gone.g.verified.cs");
        File.WriteAllText(stale, "gone\n");
        File.WriteAllText(Verified, "one\n");

        var failure = Assert.ThrowsAny<XunitException>(() =>
            SnapshotAssert.Matches(Sources("one\n"), _directory, "Case", accept: false));

        Assert.Contains("Case.OutboxGen.Model.Shop.Gone.g.verified.cs", failure.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(stale));
    }

    [Fact]
    public void Accepting_replaces_the_golden_file_and_deletes_the_received_and_stale_files()
    {
        Directory.CreateDirectory(_directory);
        var stale = Path.Combine(_directory, "Case.OutboxGen.Model.Shop.Gone.g.verified.cs");
        var otherTest = Path.Combine(_directory, "Case_two.OutboxGen.Registry.g.verified.cs");
        File.WriteAllText(stale, "gone\n");
        File.WriteAllText(otherTest, "kept\n");
        File.WriteAllText(Verified, "old\n");
        File.WriteAllText(Received, "old received\n");

        SnapshotAssert.Matches(Sources("new\n"), _directory, "Case", accept: true);

        Assert.Equal("new\n", File.ReadAllText(Verified));
        Assert.False(File.Exists(Received));
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(otherTest));
    }

    [Fact]
    public void Diff_of_distant_changes_shows_each_with_its_context_and_counts_what_it_leaves_out()
    {
        var expected = string.Join('\n', Enumerable.Range(1, 30).Select(i => "line " + i));
        var actual = expected.Replace("line 3\n", "line three\n", StringComparison.Ordinal)
            .Replace("line 20\n", "", StringComparison.Ordinal);

        var diff = LineDiff.FirstDifferences(expected, actual, maxChanges: 3);

        Assert.Equal(
            "  1: line 1\n  2: line 2\n- 3: line 3\n+ 3: line three\n  4: line 4\n  5: line 5\n" +
            "...\n  18: line 18\n  19: line 19\n- 20: line 20\n  21: line 21\n  22: line 22\n",
            diff);
    }

    [Fact]
    public void Diff_says_how_many_differing_lines_it_leaves_out()
    {
        var diff = LineDiff.FirstDifferences("a\nb\nc\nd", "w\nx\ny\nz", maxChanges: 2);

        Assert.EndsWith("... and 6 more differing lines\n", diff, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Sources(string text) => new() { [Hint] = text };
}
