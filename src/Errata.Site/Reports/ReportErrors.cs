using Errata.Diagnostics;

namespace Errata.Site.Reports;

/// <summary>Problems writing a report where --report asked for it.</summary>
public static class ReportErrors
{
    public static readonly DiagnosticDescriptor Unwritable =
        new("ERR0904", DiagnosticCategory.Command, Severity.Error, "cannot write the report '{0}': {1}; expected a file path in a folder that can be written");
}
