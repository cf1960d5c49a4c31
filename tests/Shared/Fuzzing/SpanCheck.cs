using Errata.Diagnostics;

namespace Errata.Testing.Fuzzing;

/// <summary>
/// Whether a diagnostic's span is a real place: its path, resolved against the working
/// folder as diagnostics print it, is one of the site's files; 0 ≤ line &lt; the file's line
/// count; 0 ≤ column ≤ that line's length (a span may point just past a line's last
/// character). Lines are split at \n, \r\n and \r (not at U+0085 or U+2028, which no reader
/// here breaks at); a reader splitting at \n alone sees the same lines or fewer, longer
/// ones, so the check takes the larger count and length.
/// </summary>
internal sealed class SpanCheck
{
    private readonly Dictionary<string, (string[] ByLf, string[] ByAny)> _files = new(StringComparer.Ordinal);

    public SpanCheck(IEnumerable<string> fullPaths)
    {
        foreach (var path in fullPaths)
        {
            var text = File.ReadAllText(path);
            _files[path] = (text.Split('\n'), text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'));
        }
    }

    public string? Problem(SourceSpan span)
    {
        if (string.IsNullOrEmpty(span.Path)) return "no file";
        var full = Path.GetFullPath(span.Path);
        if (!_files.TryGetValue(full, out var lines)) return $"'{span.Path}' is not a file of the site";
        var count = Math.Max(lines.ByLf.Length, lines.ByAny.Length);
        if (span.Line < 0 || span.Line >= count) return $"line {span.Line + 1} outside 1..{count}";
        var length = Math.Max(Length(lines.ByLf, span.Line), Length(lines.ByAny, span.Line));
        if (span.Column < 0 || span.Column > length) return $"column {span.Column + 1} outside 1..{length + 1} of line {span.Line + 1}";
        if (span.Length < 0) return $"negative length {span.Length}";
        return null;
    }

    private static int Length(string[] lines, int line) => line < lines.Length ? lines[line].Length : 0;
}
