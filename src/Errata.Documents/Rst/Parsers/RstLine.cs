using Errata.Diagnostics;

namespace Errata.Documents.Rst.Parsers;

/// <summary>
/// One source line (tabs expanded, right-trimmed, as docutils sees it) cut to the part a
/// nested construct reads: <see cref="Column"/> is where <see cref="Text"/> starts in the
/// expanded source line.
/// </summary>
/// <remarks>
/// A cut is a view (the line and an offset into it), not a copy: every nesting level dedents
/// all of its lines, and copying the text at each level made deep input cost memory
/// quadratic in its size. <see cref="Chars"/> reads the view; <see cref="Text"/> makes a string.
/// </remarks>
internal readonly record struct RstLine
{
    private readonly string _line;
    private readonly int _start;

    public RstLine(string text, int line, int column, SourceText source)
        : this(text, 0, line, column, source)
    {
    }

    private RstLine(string text, int start, int line, int column, SourceText source)
    {
        _line = text;
        _start = start;
        Line = line;
        Column = column;
        Source = source;
    }

    public string Text
    {
        get => _start == 0 ? _line : _line[_start..];
        init => (_line, _start) = (value, 0);
    }

    public ReadOnlySpan<char> Chars => _line.AsSpan(_start);
    public int Length => _line.Length - _start;
    public int Line { get; init; }
    public int Column { get; init; }
    public SourceText Source { get; init; }

    public bool IsBlank => Length == 0;

    /// <summary>Starts with a space: indented relative to the construct reading it.</summary>
    public bool IsIndented => Length > 0 && _line[_start] == ' ';

    public int Indent
    {
        get
        {
            var i = _start;
            while (i < _line.Length && _line[i] == ' ') i++;
            return i - _start;
        }
    }

    public RstLine Dedent(int count) =>
        count <= 0 ? this
        : count >= Length ? this with { Text = "", Column = Column + count }
        : new RstLine(_line, _start + count, Line, Column + count, Source);

    public RstLine TrimEnd() => this with { Text = Text.TrimEnd() };

    /// <summary>The span of <paramref name="length"/> characters from <paramref name="offset"/> in this line's text, in source columns.</summary>
    public SourceSpan SpanAt(int offset, int length) => Source.Span(Line, Column + offset, length);

    public SourceSpan Span => SpanAt(0, Length);
}
