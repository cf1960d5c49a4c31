namespace Errata.Diagnostics;

/// <summary>
/// What kind of problem a diagnostic reports: a stable id (never reused), a message
/// format and a default severity. Compared by value, like Roslyn's descriptors.
/// </summary>
public sealed record DiagnosticDescriptor(string Id, DiagnosticCategory Category, Severity Severity, string MessageFormat)
{
    /// <summary>
    /// Whether this problem is bad input (exit 2, nothing written): an error outside prose
    /// markup, or under --strict any warning or error; a failed claim never is.
    /// </summary>
    public bool IsBadInput(bool strict) =>
        Category != DiagnosticCategory.Claim && (strict ? Severity != Severity.Info : Severity == Severity.Error && Category != DiagnosticCategory.Markup);

    /// <summary>
    /// The severity a problem is printed with, so that what says `error` is exactly what
    /// makes the exit code non-zero: a markup error that lets the build go on is a warning,
    /// and under --strict every warning stops the build, so it is an error.
    /// </summary>
    public Severity EffectiveSeverity(bool strict) =>
        Category == DiagnosticCategory.Claim || Severity == Severity.Info ? Severity
        : IsBadInput(strict) ? Severity.Error
        : Severity.Warning;

    public Diagnostic At(SourceSpan span, params object?[] args) => new(this, span, args);
}
