namespace Errata.Diagnostics;

/// <summary>
/// Problems with the characters of any input, whichever reader meets them first: a document
/// reader over the whole file, the assembler over a scenario's lines. One id for each problem.
/// </summary>
public static class TextErrors
{
    public static readonly DiagnosticDescriptor ControlCharacter =
        new("ERR0103", DiagnosticCategory.Document, Severity.Error, "control character U+{0:X4}; expected printable text");
}
