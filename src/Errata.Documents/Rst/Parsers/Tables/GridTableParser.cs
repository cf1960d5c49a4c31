using System.Text.RegularExpressions;

namespace Errata.Documents.Rst.Parsers.Tables;

/// <summary>
/// Grid tables (<c>+---+</c> borders), parsed as docutils' GridTableParser does: from each
/// top-left corner, scan right, down, left and up for the smallest closed rectangle; a
/// <c>+===+</c> line separates head rows from body rows.
/// </summary>
internal static partial class GridTableParser
{
    public static bool Parse(RstContext context, LineCursor c, BlockSink sink)
    {
        var lines = Isolate(context, c, sink, out var blankFinish);
        return TableBuilder.Finish(context, c, sink, lines, blankFinish, block => new Scanner(block).Parse());
    }

    /// <summary>docutils' isolate_grid_table: the text block, cut at the last border when the left edge or the bottom is wrong.</summary>
    private static List<RstLine>? Isolate(RstContext context, LineCursor c, BlockSink sink, out bool blankFinish)
    {
        blankFinish = true;
        var start = c.Index;
        var block = c.ReadTextBlock(flushLeft: true, out var unexpected);
        if (unexpected is { } at)
        {
            context.Report(RstMarkupErrors.UnexpectedIndentation, c.Lines[at].Span);
            blankFinish = false;
        }
        TableText.PadWide(block);
        var width = block[0].Text.Trim().Length;
        for (var i = 0; i < block.Count; i++)
        {
            if (block[i].Text[0] is not ('+' or '|'))
            {
                blankFinish = false;
                c.Index = start + i;
                block.RemoveRange(i, block.Count - i);
                break;
            }
        }
        if (!BodyPatterns.GridTableTop().IsMatch(block[^1].Text))
        {
            blankFinish = false;
            var found = false;
            for (var i = block.Count - 2; i > 1; i--)
            {
                if (!BodyPatterns.GridTableTop().IsMatch(block[i].Text)) continue;
                c.Index = start + i + 1;
                block.RemoveRange(i + 1, block.Count - i - 1);
                found = true;
                break;
            }
            if (!found)
            {
                TableBuilder.Malformed(context, sink, block, "");
                return null;
            }
        }
        foreach (var line in block)
        {
            if (line.Text.Length != width || line.Text[^1] is not ('+' or '|'))
            {
                TableBuilder.Malformed(context, sink, block, "");
                return null;
            }
        }
        return block;
    }

    private sealed class Scanner
    {
        private readonly List<RstLine> _lines;
        private readonly string[] _text;
        private readonly int _bottom;
        private readonly int _right;
        private readonly int[] _done;
        private readonly SortedSet<int> _rowSeps = [0];
        private readonly SortedSet<int> _colSeps = [0];
        private readonly List<(int Top, int Left, int Bottom, int Right)> _cells = [];
        private int? _headSeparator;

        public Scanner(List<RstLine> lines)
        {
            _lines = lines;
            _text = [.. lines.Select(l => l.Text)];
            _bottom = _text.Length - 1;
            _right = _text[0].Length - 1;
            _done = Enumerable.Repeat(-1, _text[0].Length).ToArray();
        }

        public (List<List<TableCellSource>> Head, List<List<TableCellSource>> Body) Parse()
        {
            FindHeadSeparator();
            var corners = new List<(int Top, int Left)> { (0, 0) };
            while (corners.Count > 0)
            {
                var (top, left) = corners[0];
                corners.RemoveAt(0);
                if (top == _bottom || left == _right || top <= _done[left]) continue;
                if (ScanRight(top, left) is not { } cell) continue;
                for (var col = left; col < cell.Right; col++)
                {
                    if (_done[col] != top - 1) throw new TableMarkupException("Malformed table; parse incomplete.");
                    _done[col] = cell.Bottom - 1;
                }
                _cells.Add((top, left, cell.Bottom, cell.Right));
                corners.Add((top, cell.Right));
                corners.Add((cell.Bottom, left));
                corners.Sort();
            }
            for (var col = 0; col < _right; col++)
                if (_done[col] != _bottom - 1) throw new TableMarkupException("Malformed table; parse incomplete.");
            return Structure();
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

        private (int Bottom, int Right)? ScanRight(int top, int left)
        {
            var line = _text[top];
            var colSeps = new List<int>();
            for (var i = left + 1; i <= _right; i++)
            {
                if (line[i] == '+')
                {
                    colSeps.Add(i);
                    if (ScanDown(top, left, i) is { } bottom)
                    {
                        foreach (var s in colSeps) _colSeps.Add(s);
                        return (bottom, i);
                    }
                }
                else if (line[i] != '-') return null;
            }
            return null;
        }

        private int? ScanDown(int top, int left, int right)
        {
            var rowSeps = new List<int>();
            for (var i = top + 1; i <= _bottom; i++)
            {
                if (_text[i][right] == '+')
                {
                    rowSeps.Add(i);
                    if (ScanLeft(top, left, i, right))
                    {
                        foreach (var s in rowSeps) _rowSeps.Add(s);
                        return i;
                    }
                }
                else if (_text[i][right] != '|') return null;
            }
            return null;
        }

        private bool ScanLeft(int top, int left, int bottom, int right)
        {
            var line = _text[bottom];
            var colSeps = new List<int>();
            for (var i = right - 1; i > left; i--)
            {
                if (line[i] == '+') colSeps.Add(i);
                else if (line[i] != '-') return false;
            }
            if (line[left] != '+') return false;
            var rowSeps = new List<int>();
            for (var i = bottom - 1; i > top; i--)
            {
                if (_text[i][left] == '+') rowSeps.Add(i);
                else if (_text[i][left] != '|') return false;
            }
            foreach (var s in colSeps) _colSeps.Add(s);
            foreach (var s in rowSeps) _rowSeps.Add(s);
            return true;
        }

        private (List<List<TableCellSource>>, List<List<TableCellSource>>) Structure()
        {
            var rowIndex = _rowSeps.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
            var colIndex = _colSeps.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
            var rows = Enumerable.Range(0, _rowSeps.Count - 1).Select(_ => new List<TableCellSource>()).ToList();
            var remaining = (_rowSeps.Count - 1) * (_colSeps.Count - 1);
            foreach (var (top, left, bottom, right) in _cells)
            {
                var row = rowIndex[top];
                var col = colIndex[left];
                var rowSpan = rowIndex[bottom] - row;
                var colSpan = colIndex[right] - col;
                remaining -= rowSpan * colSpan;
                rows[row].Add(new TableCellSource(row, col, rowSpan, colSpan, TableText.Block(_lines, top + 1, left + 1, bottom, right)));
            }
            if (remaining != 0) throw new TableMarkupException("Malformed table; parse incomplete.");
            foreach (var r in rows) r.Sort((a, b) => a.Column.CompareTo(b.Column));
            var headRows = _headSeparator is { } sep ? rowIndex[sep] : 0;
            return (rows[..headRows], rows[headRows..]);
        }
    }

    [GeneratedRegex(@"^\+=[=+]+=\+ *$")]
    private static partial Regex HeadBodySeparator();
}
