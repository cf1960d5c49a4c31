using Errata.Diagnostics;
using Errata.Scenarios.Claims;

namespace Errata.Scenarios.Syntax;

/// <summary>
/// One gap line, `gap PROFILE [PROFILE...]: CLAIM`: the claim (<see cref="Text"/> as written)
/// holds on exactly the profiles named and on none of the others the scenario runs
/// (docs/guide/scenarios.md, "Gap lines"). <see cref="Span"/> is the claim's text.
/// </summary>
public sealed record GapLine(string Text, Assertion Assertion, IReadOnlyList<Located<string>> Profiles, SourceSpan Span)
{
    /// <summary>The claim in its canonical form, as reports and the gap table state it.</summary>
    public string Claim => ClaimPrinter.Print(Assertion);
}
