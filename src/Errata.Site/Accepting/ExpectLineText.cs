using Errata.Scenarios.Syntax;

namespace Errata.Site.Accepting;

/// <summary>
/// An expect line as it stands in the document, cut around its assertion: the head
/// (indent, `expect`, profiles, colon), the assertion, the tail (spacing and `;` comment)
/// and the line ending, so a rewrite can change the assertion and keep every other byte.
/// </summary>
public sealed record ExpectLineText(string Indent, string Head, string Tail, string Ending)
{
    public static ExpectLineText Of(ExpectLine expect, string line)
    {
        var content = TextLines.Content(line);
        var column = expect.Span.Column;
        // The span's column counts characters of the line; fall back to a search should a reader count otherwise (tabs).
        if (column < 0 || column + expect.Text.Length > content.Length || string.CompareOrdinal(content, column, expect.Text, 0, expect.Text.Length) != 0)
            column = content.IndexOf(expect.Text, content.IndexOf("expect", StringComparison.Ordinal), StringComparison.Ordinal);
        var indent = content[..(content.Length - content.TrimStart().Length)];
        return new(indent, content[..column], content[(column + expect.Text.Length)..], TextLines.Ending(line));
    }

    /// <summary>The line with another assertion, all else as written.</summary>
    public string With(string assertion) => Head + assertion + Tail + Ending;
}
