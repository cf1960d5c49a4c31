using Errata.Diagnostics;

namespace Errata.Documents.Diagnostics;

/// <summary>The readers' diagnostics about a gap table block (```gaps, .. gaps::).</summary>
public static class GapTableErrors
{
    public static readonly DiagnosticDescriptor BadScope =
        new("ERR0267", DiagnosticCategory.Document, Severity.Error, "unknown gap table scope '{0}'; expected nothing (the page's gap lines) or 'site' (every page's)");
}
