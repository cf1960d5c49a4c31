using Errata.Documents.Diagnostics;

namespace Errata.Documents.Syntax;

/// <summary>
/// One line of a scenario body with where it starts in the document, so a position
/// inside the body maps back to the document's own line and column.
/// </summary>
public readonly record struct SourceLine(string Text, SourceSpan Origin)
{
    public SourceSpan At(int column, int length) => Origin.Shift(column, length);
}
