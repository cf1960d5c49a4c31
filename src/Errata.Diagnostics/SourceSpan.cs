namespace Errata.Diagnostics;

/// <summary>
/// A place in a source file: zero-based line and column plus a length in characters,
/// as Roslyn keeps positions. Only <see cref="DiagnosticFormatter"/> turns them one-based.
/// </summary>
public readonly record struct SourceSpan(string Path, int Line, int Column, int Length)
{
    public static SourceSpan None(string path) => new(path, 0, 0, 0);

    /// <summary>The span that starts <paramref name="columns"/> further along the same line.</summary>
    public SourceSpan Shift(int columns, int length) => new(Path, Line, Column + columns, length);

    public override string ToString() => $"{Path}({Line + 1},{Column + 1})";
}
