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
        var indent = TextLines.Indent(content);
        var (column, length) = (expect.Span.Column, expect.Text.Length);
        // The span's column counts characters of the line; search should a reader count otherwise (RST expands tabs).
        if (column < 0 || column + length > content.Length || string.CompareOrdinal(content, column, expect.Text, 0, length) != 0)
            column = content.IndexOf(expect.Text, indent.Length, StringComparison.Ordinal);
        if (column < 0)
        {
            // Not found as read (a tab inside the assertion): the assertion runs from the colon to the comment.
            var start = content.IndexOf(':', indent.Length) + 1;
            while (start < content.Length && char.IsWhiteSpace(content[start])) start++;
            var end = content.IndexOf(';', start) is var comment and >= 0 ? comment : content.Length;
            while (end > start && char.IsWhiteSpace(content[end - 1])) end--;
            return new(indent, content[..start], content[end..], TextLines.Ending(line));
        }
        return new(indent, content[..column], content[(column + length)..], TextLines.Ending(line));
    }

    /// <summary>The line with another assertion, all else as written.</summary>
    public string With(string assertion) => Head + assertion + Tail + Ending;
}
