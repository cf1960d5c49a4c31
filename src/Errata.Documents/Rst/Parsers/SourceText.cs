using Errata.Diagnostics;
using System.Text;

namespace Errata.Documents.Rst.Parsers;

/// <summary>
/// A file split into lines the way docutils does: vertical tab and form feed become spaces,
/// tabs expand to 8-column stops and trailing whitespace goes. Keeps the raw lines so a
/// column in the expanded text maps back to the column the author's editor shows.
/// </summary>
internal sealed class SourceText
{
    private const int TabWidth = 8;
    private readonly string[] _raw;
    private readonly int _firstLine;
    private readonly bool[] _tabbed; // lines whose expanded columns differ from the raw ones

    /// <param name="firstLine">The line number of the text's first line in its file (an include may take part of a file).</param>
    public SourceText(string path, string text, int firstLine = 0)
    {
        Path = path;
        _firstLine = firstLine;
        _raw = SplitLines(text);
        _tabbed = new bool[_raw.Length];
        var lines = new RstLine[_raw.Length];
        for (var i = 0; i < _raw.Length; i++)
        {
            _tabbed[i] = _raw[i].Contains('\t');
            lines[i] = new RstLine(Expand(_raw[i]), firstLine + i, 0, this);
        }
        Lines = lines;
    }

    public string Path { get; }
    public IReadOnlyList<RstLine> Lines { get; }

    /// <summary>A span given in expanded columns, converted to raw columns.</summary>
    public SourceSpan Span(int line, int expandedColumn, int length)
    {
        var index = line - _firstLine;
        if (index < 0 || index >= _raw.Length) return new SourceSpan(Path, Math.Max(0, line), 0, 0);
        if (!_tabbed[index])
        {
            var from = Math.Clamp(expandedColumn, 0, _raw[index].Length);
            return new SourceSpan(Path, line, from, Math.Clamp(expandedColumn + length, from, _raw[index].Length) - from);
        }
        var start = RawColumn(index, expandedColumn);
        var end = RawColumn(index, expandedColumn + length);
        return new SourceSpan(Path, line, start, end - start);
    }

    private int RawColumn(int line, int expandedColumn)
    {
        var raw = _raw[line];
        var col = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (col >= expandedColumn) return i;
            col = raw[i] == '\t' ? (col / TabWidth + 1) * TabWidth : col + 1;
        }
        return raw.Length;
    }

    private static string[] SplitLines(string text)
    {
        var lines = new List<string>(text.Length / 40 + 1);
        var start = 0;
        while (start < text.Length)
        {
            var end = text.AsSpan(start).IndexOfAny('\n', '\r');
            if (end < 0)
            {
                lines.Add(text[start..]);
                break;
            }
            end += start;
            lines.Add(text[start..end]);
            start = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
        }
        return [.. lines];
    }

    private static string Expand(string raw)
    {
        if (raw.AsSpan().IndexOfAny('\t', '\v', '\f') < 0) return raw.TrimEnd();
        var sb = new StringBuilder(raw.Length + 16);
        foreach (var c in raw)
        {
            if (c == '\t') sb.Append(' ', TabWidth - sb.Length % TabWidth);
            else sb.Append(c is '\v' or '\f' ? ' ' : c);
        }
        return sb.ToString().TrimEnd();
    }
}
