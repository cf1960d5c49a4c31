using Errata.Diagnostics;
using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary>
/// The columns of a scenario line made of RST lines: each piece of its text, from its offset
/// on, is the text of one <see cref="RstLine"/>, whose spans are the file's own columns
/// (the tab-expanded text docutils reads is not what the file holds).
/// </summary>
internal sealed class RstColumns : ISourceColumns
{
    private readonly int[] _offsets;
    private readonly RstLine[] _lines;

    /// <param name="pieces">Ascending by offset; the first at offset 0.</param>
    public RstColumns(IEnumerable<(int Offset, RstLine Line)> pieces)
    {
        var list = pieces.ToList();
        _offsets = [.. list.Select(p => p.Offset)];
        _lines = [.. list.Select(p => p.Line)];
    }

    public SourceSpan At(int column, int length)
    {
        var i = Array.BinarySearch(_offsets, column);
        if (i < 0) i = Math.Max(0, ~i - 1);
        var line = _lines[i];
        var offset = Math.Max(0, column - _offsets[i]);
        // A stretch running past its piece (over a joined line break) ends where the piece does.
        return line.SpanAt(offset, Math.Clamp(line.Length - offset, 0, Math.Max(0, length)));
    }
}
