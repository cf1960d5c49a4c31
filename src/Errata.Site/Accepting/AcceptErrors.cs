using Errata.Diagnostics;

namespace Errata.Site.Accepting;

public static class AcceptErrors
{
    /// <summary>Not bad input: accept did its work, but a claim the author wrote is gone and the author should know.</summary>
    public static readonly DiagnosticDescriptor ClaimRemoved =
        new("ERR0920", DiagnosticCategory.Command, Severity.Warning, "claim '{0}' does not hold on {1} and nothing observed replaces it; accept removed it there");

    /// <summary>Bad input: a document without scenarios gives accept nothing to do, which must not pass for success.</summary>
    public static readonly DiagnosticDescriptor NothingToAccept =
        new("ERR0811", DiagnosticCategory.Command, Severity.Error, "{0} has no scenario; expected a document with at least one scenario to accept");
}
