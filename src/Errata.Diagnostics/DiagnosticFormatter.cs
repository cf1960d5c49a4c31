namespace Errata.Diagnostics;

/// <summary>
/// Prints diagnostics compiler-style, <c>file(line,col): error ERR0001: message</c>,
/// which editors and CI annotators already parse. The one place positions become one-based.
/// </summary>
public static class DiagnosticFormatter
{
    /// <summary>The diagnostic with the severity it has in a build with or without --strict.</summary>
    public static string Format(Diagnostic d, bool strict = false) =>
        $"{d.Span.Path}({d.Span.Line + 1},{d.Span.Column + 1}): {SeverityWord(d.Descriptor.EffectiveSeverity(strict))} {d.Id}: {d.Message}";

    /// <summary>Diagnostics in source order (file, line, column), as a reader fixes them.</summary>
    public static IEnumerable<Diagnostic> InSourceOrder(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.OrderBy(d => d.Span.Path, StringComparer.Ordinal).ThenBy(d => d.Span.Line).ThenBy(d => d.Span.Column);

    public static string SeverityWord(Severity s) => s switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };
}
