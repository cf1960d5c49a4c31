using Errata.Machine.Core;
using Errata.Machine.Platforms;
using Errata.Machine.Rules;

namespace Errata.Machine.Profiles;

/// <summary>
/// A platform the scenario's code runs on, layered on the processor: bare metal (apm)
/// or an L1 guest of KVM (kvm, kvm-novgif). A profile is a set of rules: the processor's
/// own plus its platform's.
/// </summary>
public abstract class Profile
{
    public abstract string Name { get; }

    /// <summary>One line for pages and reports: what the scenario's code runs as.</summary>
    public abstract string Description { get; }

    /// <summary>
    /// CPUID Fn8000_0001_ECX[SKINIT] as the scenario's code reads it: with it, STGI runs at
    /// EFER.SVME=0 (APM Vol. 2 15.4). docs/guide/profiles.md says which profiles report it.
    /// </summary>
    public virtual bool ReportsSkinit => false;

    /// <summary>The rules this profile's decisions come from.</summary>
    public abstract IReadOnlyList<Rule> Rules { get; }

    /// <summary>
    /// What the profile decides, as text: every decision with its fate and rule. An inverted
    /// profile's differs from its original's; caches of outcomes key on it.
    /// </summary>
    public string RulesIdentity => RuleSet.Identity;

    /// <summary>The rules by decision, for the processor and the platform to ask.</summary>
    internal abstract RuleSet RuleSet { get; }

    /// <summary>The platform the scenario's code runs on, over a fresh processor.</summary>
    internal abstract Platform CreatePlatform(Cpu cpu);

    /// <summary>
    /// This profile with one rule inverted (deliver and discard swapped, hold made deliver), for
    /// finding claims that no single rule decides; null when the profile has no such rule.
    /// </summary>
    public Profile? WithInverted(string ruleId) =>
        RuleSet.WithInverted(ruleId) is { } rules ? new InvertedProfile(this, ruleId, rules) : null;
}
