namespace Errata.Machine.Rules;

/// <summary>A rule attached to the decision it makes and the fate it gives.</summary>
internal sealed record RuleBinding(Decision Decision, Fate Fate, Rule Rule);

/// <summary>The answer to a decision: a fate and the rule behind it.</summary>
internal readonly record struct Verdict(Fate Fate, Rule Rule)
{
    public bool Delivers => Fate == Fate.Deliver;
}
