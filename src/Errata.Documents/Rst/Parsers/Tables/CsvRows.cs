namespace Errata.Documents.Rst.Parsers.Tables;

/// <summary>
/// Splits a <c>csv-table</c>'s lines into rows of cells the way docutils' CSV dialect reads
/// them (Python's csv module: a delimiter, a quote character doubled inside quotes or an
/// escape character, spaces after a delimiter skipped unless kept, quoted cells spanning
/// lines, and strict: a closing quote must be followed by the delimiter or the line's end).
/// Each cell keeps its text as lines that start where the cell starts in the source.
/// </summary>
internal static class CsvRows
{
    public sealed record Dialect(char Delimiter = ',', char Quote = '"', char? Escape = null, bool KeepSpace = false);

    /// <returns>The rows, or null with <paramref name="error"/> saying what was expected.</returns>
    public static List<List<List<RstLine>>>? Read(IReadOnlyList<RstLine> lines, Dialect dialect, out string? error)
    {
        error = null;
        var rows = new List<List<List<RstLine>>>();
        var i = 0;
        while (i < lines.Count)
        {
            var row = new List<List<RstLine>>();
            var text = lines[i].Text;
            var at = 0;
            if (text.Length == 0) { rows.Add(row); i++; continue; }
            while (true)
            {
                if (!dialect.KeepSpace) while (at < text.Length && text[at] == ' ') at++;
                var cell = new List<RstLine>();
                var value = new System.Text.StringBuilder();
                var start = at;
                if (at < text.Length && text[at] == dialect.Quote)
                {
                    at++;
                    start = at;
                    while (true)
                    {
                        if (at >= text.Length)
                        {
                            cell.Add(Piece(lines[i], start, value));
                            if (++i >= lines.Count) { error = "unexpected end of data"; return null; }
                            text = lines[i].Text;
                            at = start = 0;
                            continue;
                        }
                        var ch = text[at];
                        if (dialect.Escape is { } esc && ch == esc && at + 1 < text.Length) { value.Append(text[at + 1]); at += 2; continue; }
                        if (ch == dialect.Quote)
                        {
                            if (dialect.Escape is null && at + 1 < text.Length && text[at + 1] == dialect.Quote) { value.Append(ch); at += 2; continue; }
                            at++;
                            break;
                        }
                        value.Append(ch);
                        at++;
                    }
                    cell.Add(Piece(lines[i], start, value));
                    if (at < text.Length && text[at] != dialect.Delimiter)
                    {
                        error = $"line {i + 1}: '{dialect.Delimiter}' expected after '{dialect.Quote}'";
                        return null;
                    }
                }
                else
                {
                    while (at < text.Length && text[at] != dialect.Delimiter)
                    {
                        if (dialect.Escape is { } esc && text[at] == esc && at + 1 < text.Length) { value.Append(text[at + 1]); at += 2; continue; }
                        value.Append(text[at++]);
                    }
                    cell.Add(Piece(lines[i], start, value));
                }
                row.Add(cell);
                if (at < text.Length && text[at] == dialect.Delimiter) { at++; continue; }
                break;
            }
            rows.Add(row);
            i++;
        }
        return rows;
    }

    /// <summary>One line of a cell's text, starting at <paramref name="start"/> in <paramref name="line"/>; the builder is emptied.</summary>
    private static RstLine Piece(RstLine line, int start, System.Text.StringBuilder value)
    {
        var piece = line.Dedent(start) with { Text = value.ToString() };
        value.Clear();
        return piece;
    }
}
