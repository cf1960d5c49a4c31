using Errata.Diagnostics;

namespace Errata.Site.Verification;

/// <summary>What `errata run` and `errata accept` refuse in their selection of scenarios and profiles.</summary>
public static class RunErrors
{
    public static readonly DiagnosticDescriptor NoSuchScenario =
        new("ERR0901", DiagnosticCategory.Command, Severity.Error, "no scenario named '{0}' in {1}");
    public static readonly DiagnosticDescriptor ProfileNotRun =
        new("ERR0902", DiagnosticCategory.Command, Severity.Error, "scenario '{0}' does not run on profile '{1}' (it runs on: {2})");
}
