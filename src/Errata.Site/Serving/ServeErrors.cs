using Errata.Diagnostics;

namespace Errata.Site.Serving;

/// <summary>Problems of `errata serve` itself, before any build.</summary>
public static class ServeErrors
{
    public static readonly DiagnosticDescriptor CannotListen =
        new("ERR0905", DiagnosticCategory.Command, Severity.Error, "cannot listen on {0} port {1}: {2}; expected a free port (choose one with --port N)");
}
