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
        Identity = string.Join("\n", _byDecision.Where(b => b is not null)
            .Select(b => $"{b!.Decision}|{b.Fate}|{b.Rule.Id}|{b.Rule.Statement}|{b.Rule.Source}"));
    }

    public IReadOnlyList<Rule> Rules { get; }

    /// <summary>Every binding (decision, fate, rule) as text: equal exactly when the rule sets decide alike.</summary>
    public string Identity { get; }

    /// <summary>
    /// The same rules with one inverted: Deliver and Discard swap, Hold becomes Deliver. Null when
    /// no rule has that id.
    /// </summary>
    public RuleSet? WithInverted(string ruleId)
    {
        var target = _byDecision.FirstOrDefault(b => b?.Rule.Id == ruleId);
        if (target is null) return null;
        var inverted = target with
        {
            Fate = target.Fate switch { Fate.Deliver => Fate.Discard, _ => Fate.Deliver },
            Rule = target.Rule with { Statement = "Inverted: " + target.Rule.Statement },
        };
        return new RuleSet(_byDecision.Where(b => b is not null).Select(b => b == target ? inverted : b!));
    }

    /// <summary>The ruling for a decision; a decision no rule covers has no place in this profile.</summary>
    public Ruling Decide(Decision decision)
    {
        var b = _byDecision[(int)decision]
            ?? throw new InvalidOperationException($"no rule for decision {decision}");
        return new Ruling(b.Fate, b.Rule);
    }
}
