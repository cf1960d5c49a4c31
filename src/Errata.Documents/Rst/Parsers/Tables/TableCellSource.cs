namespace Errata.Documents.Rst.Parsers.Tables;

/// <summary>A cell found by a table parser: where it sits, what it spans, and its text lines.</summary>
internal sealed record TableCellSource(int Row, int Column, int RowSpan, int ColSpan, List<RstLine> Lines);

/// <summary>A table's markup was wrong; docutils reports "Malformed table." with this detail.</summary>
internal sealed class TableMarkupException(string detail, int offset = 0) : Exception(detail)
{
    public int Offset { get; } = offset;
}

internal static class TableText
{
    /// <summary>What docutils pads wide characters with while it measures a table (tableparser's double_width_pad_char).</summary>
    private const char Pad = '\0';

    /// <summary>
    /// docutils' pad_double_width: an East Asian wide or full-width character takes two columns
    /// on screen, so a table's borders line up with the padded text, not with the characters.
    /// </summary>
    public static List<RstLine> PadWide(List<RstLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i].Text;
            if (!text.Any(SectionTitleParser.IsWide)) continue;
            var padded = new System.Text.StringBuilder(text.Length * 2);
            foreach (var ch in text)
            {
                padded.Append(ch);
                if (SectionTitleParser.IsWide(ch)) padded.Append(Pad);
            }
            lines[i] = lines[i] with { Text = padded.ToString() };
        }
        return lines;
    }

    public static string Unpad(string text) => text.Contains(Pad) ? text.Replace(Pad.ToString(), "") : text;

    /// <summary>docutils' get_2D_block: a rectangle of the table's text, right-trimmed and dedented together.</summary>
    public static List<RstLine> Block(IReadOnlyList<RstLine> lines, int top, int left, int bottom, int right)
    {
        var block = new List<RstLine>(bottom - top);
        var indent = right;
        for (var i = top; i < bottom; i++)
        {
            var line = lines[i];
            var text = line.Text;
            var l = Math.Min(left, text.Length);
            var r = Math.Min(right, text.Length);
            var cut = line with { Text = Unpad(text[l..r]).TrimEnd(), Column = line.Column + l };
            block.Add(cut);
            if (!cut.IsBlank) indent = Math.Min(indent, cut.Indent);
        }
        if (indent > 0 && indent < right)
            for (var i = 0; i < block.Count; i++) block[i] = block[i].Dedent(indent);
        return block;
    }
}
