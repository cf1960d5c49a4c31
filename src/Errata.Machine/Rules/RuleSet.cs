namespace Errata.Machine.Rules;

/// <summary>
/// A profile's rules, looked up by decision. Built from the processor's rules plus a
/// platform's; a later binding for the same decision replaces an earlier one.
/// </summary>
internal sealed class RuleSet
{
    private readonly RuleBinding?[] _byDecision = new RuleBinding?[Enum.GetValues<Decision>().Length];

    public RuleSet(IEnumerable<RuleBinding> bindings)
    {
        foreach (var b in bindings) _byDecision[(int)b.Decision] = b;
        Rules = _byDecision.Where(b => b is not null).Select(b => b!.Rule).ToArray();
    }

    public IReadOnlyList<Rule> Rules { get; }

    /// <summary>The verdict for a decision; a decision no rule covers has no place in this profile.</summary>
    public Verdict Decide(Decision decision)
    {
        var b = _byDecision[(int)decision]
            ?? throw new InvalidOperationException($"no rule for decision {decision}");
        return new Verdict(b.Fate, b.Rule);
    }

    /// <summary>True when the profile binds the decision at all (platform mechanisms ask before acting).</summary>
    public bool Has(Decision decision) => _byDecision[(int)decision] is not null;
}
