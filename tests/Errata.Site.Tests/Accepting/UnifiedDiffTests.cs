using CsCheck;
using Errata.Site.Accepting;

namespace Errata.Site.Tests.Accepting;

/// <summary>The diff accept prints: diff -u's format, and a patch that turns the old text into the new.</summary>
public sealed class UnifiedDiffTests
{
    private static string Numbered(int from, int to) => string.Concat(Enumerable.Range(from, to - from + 1).Select(i => $"l{i}\n"));

    [Fact]
    public void EqualTexts_GiveNoDiff()
    {
        Assert.Equal("", UnifiedDiff.Of("f.md", "a\nb\n", "a\nb\n"));
    }

    [Fact]
    public void OneChangedLine_IsOneHunk_WithThreeLinesOfContext()
    {
        var before = Numbered(1, 10);
        var after = before.Replace("l5\n", "five\n", StringComparison.Ordinal);
        Assert.Equal(
            "--- a/docs/f.md\n+++ b/docs/f.md\n@@ -2,7 +2,7 @@\n l2\n l3\n l4\n-l5\n+five\n l6\n l7\n l8\n",
            UnifiedDiff.Of("docs/f.md", before, after));
    }

    [Fact]
    public void ChangesSixLinesApart_ShareAHunk_SevenApart_DoNot()
    {
        var before = Numbered(1, 30);
        var six = before.Replace("l5\n", "x\n", StringComparison.Ordinal).Replace("l12\n", "y\n", StringComparison.Ordinal);
        Assert.Single(Hunks(UnifiedDiff.Of("f", before, six)));
        var seven = before.Replace("l5\n", "x\n", StringComparison.Ordinal).Replace("l13\n", "y\n", StringComparison.Ordinal);
        Assert.Equal(["@@ -2,7 +2,7 @@", "@@ -10,7 +10,7 @@"], Hunks(UnifiedDiff.Of("f", before, seven)));
    }

    [Fact]
    public void InsertionAtTheStart_AndALastLineWithoutEnding_AreWrittenAsDiffDoes()
    {
        Assert.Equal("--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n+new\n a\n b\n", UnifiedDiff.Of("f", "a\nb\n", "new\na\nb\n"));
        Assert.Equal("--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+a\n", UnifiedDiff.Of("f", "", "a\n"));
        Assert.Equal(
            "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n",
            UnifiedDiff.Of("f", "a\nb", "a\nb\n"));
    }

    [Fact]
    public void CrlfLines_KeepTheirEndings()
    {
        var diff = UnifiedDiff.Of("f", "a\r\nb\r\n", "a\r\nc\r\n");
        Assert.Equal("--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n", diff);
    }

    [Fact]
    public void AnyTwoTexts_TheDiffAppliedToTheFirst_GivesTheSecond()
    {
        // Few distinct lines, so texts share many and the diff has to align them.
        var line = Gen.OneOf(Gen.Const("a\n"), Gen.Const("b\n"), Gen.Const("c\r\n"), Gen.Const("expect: halted\n"), Gen.Const("x\n"));
        var text = Gen.Select(line.Array[0, 40], Gen.OneOf(Gen.Const(""), Gen.Const("tail")), (ls, tail) => string.Concat(ls) + tail);
        Gen.Select(text, text).Sample((before, after) =>
        {
            var diff = UnifiedDiff.Of("f", before, after);
            Assert.Equal(before == after, diff.Length == 0);
            Assert.Equal(after, Patch.Apply(before, diff));
        }, iter: 2000);
    }

    private static List<string> Hunks(string diff) => diff.Split('\n').Where(l => l.StartsWith("@@", StringComparison.Ordinal)).ToList();
}
