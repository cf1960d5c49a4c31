namespace Errata.Documents.Diagnostics;

public enum Severity
{
    Info,
    Warning,
    Error,
}
