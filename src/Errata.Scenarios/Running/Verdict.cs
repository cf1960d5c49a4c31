using Errata.Scenarios.Claims;
using Errata.Scenarios.Syntax;

namespace Errata.Scenarios.Running;

/// <summary>One expect line judged on one profile.</summary>
public sealed record Verdict(ExpectLine Expect, string Profile, Judgement Judgement)
{
    public bool Holds => Judgement.Holds;
}
