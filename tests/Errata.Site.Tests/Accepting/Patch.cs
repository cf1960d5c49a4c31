using System.Text.RegularExpressions;
using Errata.Site.Accepting;

namespace Errata.Site.Tests.Accepting;

/// <summary>
/// Applies a unified diff the way patch(1) does, strictly: every context and removed line
/// must match the old text at the line the hunk header names, so a wrong header fails.
/// </summary>
internal static partial class Patch
{
    public static string Apply(string before, string diff)
    {
        var old = TextLines.Split(before);
        var result = new List<string>();
        var lines = TextLines.Split(diff);
        var next = 0; // the next old line not yet copied
        var i = 2;    // after the --- and +++ lines
        Assert.True(diff.Length == 0 || (lines[0].StartsWith("--- a/", StringComparison.Ordinal) && lines[1].StartsWith("+++ b/", StringComparison.Ordinal)), diff);
        while (i < lines.Count)
        {
            var header = HunkHeader().Match(lines[i]);
            Assert.True(header.Success, $"expected a hunk header, found '{lines[i]}'");
            var oldStart = int.Parse(header.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var oldCount = header.Groups[2].Success ? int.Parse(header.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
            var newCount = header.Groups[4].Success ? int.Parse(header.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
            var first = oldCount == 0 ? oldStart : oldStart - 1;
            Assert.True(first >= next, "hunks overlap or go backwards");
            result.AddRange(old.Skip(next).Take(first - next));
            next = first;
            var (seenOld, seenNew) = (0, 0);
            for (i++; i < lines.Count && !lines[i].StartsWith("@@", StringComparison.Ordinal); i++)
            {
                var mark = lines[i][0];
                var body = lines[i][1..];
                if (i + 1 < lines.Count && lines[i + 1] == "\\ No newline at end of file\n")
                {
                    body = TextLines.Content(body);
                    i++;
                }
                Assert.Contains(mark, " -+");
                if (mark != '+') { Assert.Equal(old[next], body); next++; seenOld++; }
                if (mark != '-') { result.Add(body); seenNew++; }
            }
            Assert.Equal((oldCount, newCount), (seenOld, seenNew));
        }
        result.AddRange(old.Skip(next));
        return string.Concat(result);
    }

    [GeneratedRegex(@"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n$")]
    private static partial Regex HunkHeader();
}
