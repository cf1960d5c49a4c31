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
            var cut = line with { Text = text[l..r].TrimEnd(), Column = line.Column + l };
            block.Add(cut);
            if (!cut.IsBlank) indent = Math.Min(indent, cut.Indent);
        }
        if (indent > 0 && indent < right)
            for (var i = 0; i < block.Count; i++) block[i] = block[i].Dedent(indent);
        return block;
    }
}
