using System.Text.RegularExpressions;

namespace Errata.Documents.Rst.Parsers.Tables;

/// <summary>
/// Simple tables (<c>=====  =====</c> borders), as docutils' SimpleTableParser reads them:
/// the top border gives the columns, a line with text in the first column starts a row,
/// <c>-----</c> lines under a row join columns, and an inner <c>=====</c> border ends the head.
/// </summary>
internal static partial class SimpleTableParser
{
    public static bool Parse(RstContext context, LineCursor c, BlockSink sink)
    {
        var lines = Isolate(context, c, sink, out var blankFinish);
        return TableBuilder.Finish(context, c, sink, lines, blankFinish, block => new Scanner(block).Parse());
    }

    /// <summary>docutils' isolate_simple_table: up to the second border after the top, or a border followed by a blank line.</summary>
    private static List<RstLine>? Isolate(RstContext context, LineCursor c, BlockSink sink, out bool blankFinish)
    {
        var lines = c.Lines;
        var start = c.Index;
        var limit = lines.Count - 1;
        var topLength = lines[start].Text.Trim().Length;
        var found = 0;
        var foundAt = -1;
        for (var i = start + 1; i <= limit; i++)
        {
            if (!BodyPatterns.SimpleTableTop().IsMatch(lines[i].Text)) continue;
            if (lines[i].Text.Trim().Length != topLength)
            {
                c.Index = i + 1;
                TableBuilder.Malformed(context, sink, Slice(lines, start, i + 1), "Bottom/header table border does not match top border.");
                blankFinish = i == limit || lines[i + 1].IsBlank;
                return null;
            }
            found++;
            foundAt = i;
            if (found == 2 || i == limit || lines[i + 1].IsBlank)
            {
                c.Index = i + 1;
                blankFinish = i == limit || lines[i + 1].IsBlank;
                return TableText.PadWide(Slice(lines, start, i + 1));
            }
        }
        if (found > 0)
        {
            c.Index = foundAt + 1;
            TableBuilder.Malformed(context, sink, Slice(lines, start, foundAt + 1), "No bottom table border found or no blank line after table bottom.");
            blankFinish = false;
        }
        else
        {
            c.Index = lines.Count;
            TableBuilder.Malformed(context, sink, Slice(lines, start, lines.Count), "No bottom table border found.");
            blankFinish = true;
        }
        return null;
    }

    private static List<RstLine> Slice(IReadOnlyList<RstLine> lines, int start, int end) => [.. lines.Skip(start).Take(end - start)];

    private sealed class Scanner(List<RstLine> lines)
    {
        private readonly string[] _text = [.. lines.Select(l => l.Text)];
        private readonly List<List<TableCellSource>> _rows = [];
        private List<(int Start, int End)> _columns = [];
        private int _borderEnd;
        private int? _headSeparator;

        public (List<List<TableCellSource>> Head, List<List<TableCellSource>> Body) Parse()
        {
            _text[0] = _text[0].Replace('=', '-');
            _text[^1] = _text[^1].Replace('=', '-');
            FindHeadSeparator();
            _columns = Columns(_text[0], 0);
            _borderEnd = _columns[^1].End;
            var (firstStart, firstEnd) = _columns[0];
            var start = 1;
            var textFound = false;
            for (var offset = 1; offset < _text.Length; offset++)
            {
                var line = _text[offset];
                if (SpanLine().IsMatch(line))
                {
                    Row(start, offset, (line.TrimEnd(), offset));
                    start = offset + 1;
                    textFound = false;
                }
                else if (Slice(line, firstStart, firstEnd).Trim().Length > 0)
                {
                    if (textFound && offset != start) Row(start, offset, null);
                    start = offset;
                    textFound = true;
                }
                else if (!textFound)
                {
                    start = offset + 1;
                }
            }
            var firstBody = 0;
            if (_headSeparator is { } sep)
            {
                firstBody = _rows.FindIndex(r => r[0].Row > sep);
                if (firstBody < 0) firstBody = _rows.Count;
            }
            return (_rows[..firstBody], _rows[firstBody..]);
        }

        private void FindHeadSeparator()
        {
            for (var i = 0; i < _text.Length; i++)
            {
                if (!HeadBodySeparator().IsMatch(_text[i])) continue;
                if (_headSeparator is not null)
                    throw new TableMarkupException($"Multiple head/body row separators (table lines {_headSeparator + 1} and {i + 1}); only one allowed.", i);
                _headSeparator = i;
                _text[i] = _text[i].Replace('=', '-');
            }
            if (_headSeparator == 0 || _headSeparator == _text.Length - 1)
                throw new TableMarkupException("The head/body row separator may not be the first or last line of the table.", _headSeparator.Value);
        }

        private List<(int Start, int End)> Columns(string line, int offset)
        {
            var cols = new List<(int, int)>();
            var end = 0;
            while (true)
            {
                var begin = line.IndexOf('-', end);
                if (begin < 0) break;
                end = line.IndexOf(' ', begin);
                if (end < 0) end = line.Length;
                cols.Add((begin, end));
            }
            if (_columns.Count > 0)
            {
                if (cols.Count == 0 || cols[^1].Item2 != _borderEnd)
                    throw new TableMarkupException($"Column span incomplete in table line {offset + 1}.", offset);
                cols[^1] = (cols[^1].Item1, _columns[^1].End);
            }
            return cols;
        }

        private void Row(int start, int end, (string Line, int Offset)? spanLine)
        {
            if (end <= start && spanLine is null) return;
            var columns = spanLine is { } s ? Columns(s.Line, s.Offset) : [.. _columns];
            CheckColumns(start, end, columns);
            var row = new List<TableCellSource>();
            var col = 0;
            foreach (var (cs, ce) in columns)
            {
                var span = 0;
                if (col >= _columns.Count || cs != _columns[col].Start)
                    throw new TableMarkupException($"Column span alignment problem in table line {start + 2}.", start + 1);
                while (ce != _columns[col].End)
                {
                    col++;
                    span++;
                    if (col >= _columns.Count) throw new TableMarkupException($"Column span alignment problem in table line {start + 2}.", start + 1);
                }
                row.Add(new TableCellSource(start, col - span, 1, span + 1, TableText.Block(lines, start, cs, end, ce)));
                col++;
            }
            _rows.Add(row);
        }

        /// <summary>Text may run past the last column's border but not into the gap between columns.</summary>
        private void CheckColumns(int start, int end, List<(int Start, int End)> columns)
        {
            var last = columns.Count - 1;
            for (var i = 0; i < columns.Count; i++)
            {
                var (cs, ce) = columns[i];
                var nextStart = i < last ? columns[i + 1].Start : int.MaxValue;
                for (var offset = start; offset < end; offset++)
                {
                    var line = _text[offset];
                    if (i == last && Slice(line, ce, line.Length).Trim().Length > 0)
                    {
                        var newEnd = cs + Slice(line, cs, line.Length).TrimEnd().Length;
                        columns[i] = (cs, Math.Max(_columns[^1].End, newEnd));
                        if (newEnd > _columns[^1].End) _columns[^1] = (_columns[^1].Start, newEnd);
                    }
                    else if (i < last && Slice(line, ce, nextStart).Trim().Length > 0)
                    {
                        throw new TableMarkupException($"Text in column margin in table line {offset + 1}.", offset);
                    }
                }
            }
        }

        private static string Slice(string line, int start, int end)
        {
            start = Math.Min(start, line.Length);
            end = Math.Min(Math.Max(end, start), line.Length);
            return line[start..end];
        }
    }

    [GeneratedRegex("^=[ =]*$")]
    private static partial Regex HeadBodySeparator();

    [GeneratedRegex("^-[ -]*$")]
    private static partial Regex SpanLine();
}
