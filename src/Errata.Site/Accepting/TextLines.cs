namespace Errata.Site.Accepting;

/// <summary>A text as its lines, each with its own line ending, so joining them gives back every byte.</summary>
public static class TextLines
{
    public static List<string> Split(string text)
    {
        var result = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            result.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) result.Add(text[start..]);
        return result;
    }

    /// <summary>The line's ending: "\r\n", "\n", or "" for a last line without one.</summary>
    public static string Ending(string line) =>
        line.EndsWith("\r\n", StringComparison.Ordinal) ? "\r\n" : line.EndsWith('\n') ? "\n" : "";

    public static string Content(string line) => line[..^Ending(line).Length];

    /// <summary>The whitespace the line starts with.</summary>
    public static string Indent(string line) => line[..(line.Length - line.TrimStart().Length)];

    /// <summary>The ending new lines get: CRLF when the text already uses it, LF otherwise.</summary>
    public static string DominantEnding(string text) => text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
}
