namespace Errata.Machine.Rules;

/// <summary>A rule attached to the decision it makes and the fate it gives.</summary>
internal sealed record RuleBinding(Decision Decision, Fate Fate, Rule Rule);

/// <summary>
/// The machine's answer to a decision: a fate and the rule behind it. (A claim's judgement
/// is a Verdict, in Errata.Scenarios; a ruling is about one event.)
/// </summary>
internal readonly record struct Ruling(Fate Fate, Rule Rule)
{
    public bool Delivers => Fate == Fate.Deliver;
}
