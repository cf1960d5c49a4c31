using Errata.Diagnostics;

namespace Errata.Documents.Syntax;

/// <summary>
/// One line of a scenario body with where it starts in the document, so a position
/// inside the body maps back to the document's own line and column.
/// </summary>
/// <remarks>
/// Without <see cref="Columns"/> the text is a verbatim copy of the document from
/// <see cref="Origin"/> on; with it, every column is mapped through it.
/// </remarks>
public readonly record struct SourceLine(string Text, SourceSpan Origin)
{
    public ISourceColumns? Columns { get; init; }

    public SourceSpan At(int column, int length) => Columns?.At(column, length) ?? Origin.Shift(column, length);
}
