namespace Errata.Diagnostics;

public enum Severity
{
    Info,
    Warning,
    Error,
}
