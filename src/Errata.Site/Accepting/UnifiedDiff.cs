using System.Text;

namespace Errata.Site.Accepting;

/// <summary>
/// The unified diff of two versions of a text, as `diff -u` and `git diff` print it:
/// `--- a/PATH`, `+++ b/PATH`, then hunks `@@ -l,n +l,n @@` with three lines of context.
/// Lines keep their own endings, so a CRLF file yields a patch that applies to it.
/// </summary>
public static class UnifiedDiff
{
    public const int Context = 3;

    /// <summary>The diff, or "" when the texts are equal.</summary>
    public static string Of(string path, string before, string after)
    {
        var a = TextLines.Split(before);
        var b = TextLines.Split(after);
        var script = EditScript.Between(a, b);
        if (script.All(op => op.Kind == EditScript.Kind.Same)) return "";
        var w = new StringBuilder();
        w.Append("--- a/").Append(path).Append('\n');
        w.Append("+++ b/").Append(path).Append('\n');
        foreach (var (start, end) in Hunks(script))
            WriteHunk(w, script, start, end, a, b);
        return w.ToString();
    }

    /// <summary>Ranges of the edit script that form hunks: changes with their context, merged when contexts touch.</summary>
    private static List<(int Start, int End)> Hunks(IReadOnlyList<EditScript.Op> script)
    {
        var hunks = new List<(int Start, int End)>();
        for (var i = 0; i < script.Count; i++)
        {
            if (script[i].Kind == EditScript.Kind.Same) continue;
            var start = Math.Max(0, i - Context);
            var end = i;
            // A change at most two contexts after the last one joins its hunk, as in diff.
            for (var j = i; j < script.Count && j <= end + 2 * Context + 1; j++)
                if (script[j].Kind != EditScript.Kind.Same) end = j;
            end = Math.Min(script.Count - 1, end + Context);
            hunks.Add((start, end));
            i = end;
        }
        return hunks;
    }

    private static void WriteHunk(StringBuilder w, IReadOnlyList<EditScript.Op> script, int start, int end, List<string> a, List<string> b)
    {
        var ops = script.Skip(start).Take(end - start + 1).ToList();
        var oldCount = ops.Count(o => o.Kind != EditScript.Kind.Insert);
        var newCount = ops.Count(o => o.Kind != EditScript.Kind.Delete);
        w.Append("@@ -").Append(Range(ops[0].Old, oldCount)).Append(" +").Append(Range(ops[0].New, newCount)).Append(" @@\n");
        foreach (var op in ops)
        {
            var (mark, line) = op.Kind switch
            {
                EditScript.Kind.Same => (' ', a[op.Old]),
                EditScript.Kind.Delete => ('-', a[op.Old]),
                _ => ('+', b[op.New]),
            };
            w.Append(mark).Append(line);
            if (TextLines.Ending(line).Length == 0) w.Append("\n\\ No newline at end of file\n");
        }
    }

    /// <summary>`l,n` with l one-based; an empty range names the line before it, and `,1` is left out, as diff does.</summary>
    private static string Range(int firstZeroBased, int count) => count switch
    {
        0 => $"{firstZeroBased},0",
        1 => $"{firstZeroBased + 1}",
        _ => $"{firstZeroBased + 1},{count}",
    };
}
