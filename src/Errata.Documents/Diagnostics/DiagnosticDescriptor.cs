namespace Errata.Documents.Diagnostics;

/// <summary>
/// What kind of problem a diagnostic reports: a stable id (never reused), a message
/// format and a default severity. Compared by value, like Roslyn's descriptors.
/// </summary>
public sealed record DiagnosticDescriptor(string Id, string Category, Severity Severity, string MessageFormat)
{
    public Diagnostic At(SourceSpan span, params object?[] args) => new(this, span, args);
}
