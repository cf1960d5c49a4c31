using Errata.Documents.Diagnostics;

namespace Errata.Documents.Rst.Parsers;

/// <summary>
/// One source line (tabs expanded, right-trimmed, as docutils sees it) cut to the part a
/// nested construct reads: <see cref="Column"/> is where <see cref="Text"/> starts in the
/// expanded source line.
/// </summary>
internal readonly record struct RstLine(string Text, int Line, int Column, SourceText Source)
{
    public bool IsBlank => Text.Length == 0;

    /// <summary>Starts with a space: indented relative to the construct reading it.</summary>
    public bool IsIndented => Text.Length > 0 && Text[0] == ' ';

    public int Indent
    {
        get
        {
            var i = 0;
            while (i < Text.Length && Text[i] == ' ') i++;
            return i;
        }
    }

    public RstLine Dedent(int count) =>
        count <= 0 ? this
        : count >= Text.Length ? this with { Text = "", Column = Column + count }
        : this with { Text = Text[count..], Column = Column + count };

    public RstLine TrimEnd() => this with { Text = Text.TrimEnd() };

    /// <summary>The span of <paramref name="length"/> characters from <paramref name="offset"/> in this line's text, in source columns.</summary>
    public SourceSpan SpanAt(int offset, int length) => Source.Span(Line, Column + offset, length);

    public SourceSpan Span => SpanAt(0, Text.Length);
}
