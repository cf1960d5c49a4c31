using Errata.Diagnostics;

namespace Errata.Documents.Syntax;

/// <summary>
/// Where a stretch of a <see cref="SourceLine"/>'s text is in the document, for text that is
/// not a plain copy of one stretch of one source line: RST expands tabs before it reads a
/// scenario, and joins an option value's continuation lines into one line.
/// </summary>
public interface ISourceColumns
{
    /// <summary>The document span of <paramref name="length"/> characters from <paramref name="column"/> of the line's text.</summary>
    SourceSpan At(int column, int length);
}
