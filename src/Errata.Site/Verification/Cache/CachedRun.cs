using Errata.Diagnostics;

namespace Errata.Site.Verification.Cache;

/// <summary>
/// Where one profile's outcome of a scenario came from, for `--verbose`: reused from the
/// cache (<see cref="Reason"/> null), or run, and why.
/// </summary>
public sealed record CachedRun(string Scenario, SourceSpan Span, string Profile, string? Reason)
{
    public bool Reused => Reason is null;

    /// <summary>One line, located at the scenario as diagnostics are.</summary>
    public override string ToString() =>
        $"{Span.Path}({Span.Line + 1},{Span.Column + 1}): scenario '{Scenario}' on {Profile}: {(Reason is { } why ? "re-ran: " + why : "reused")}";
}
