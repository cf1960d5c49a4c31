using Errata.Diagnostics;
using Errata.Scenarios.Claims;

namespace Errata.Scenarios.Syntax;

/// <summary>
/// One expect line: the assertion (<see cref="Text"/> as written), the profiles it is for
/// (empty: every profile the scenario runs on), and where it was written.
/// </summary>
public sealed record ExpectLine(string Text, Assertion Assertion, IReadOnlyList<Located<string>> Profiles, SourceSpan Span)
{
    /// <summary>
    /// Why the claim is meant to hold whatever the rules decide (`; deliberate: REASON` after it),
    /// so that `check --mutate` does not report it; null when it is not marked.
    /// </summary>
    public Located<string>? Deliberate { get; init; }

    /// <summary>The claim in its canonical form, as reports state it.</summary>
    public string Claim => ClaimPrinter.Print(Assertion);
}
