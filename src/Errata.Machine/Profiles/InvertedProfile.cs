using Errata.Machine.Core;
using Errata.Machine.Platforms;
using Errata.Machine.Rules;

namespace Errata.Machine.Profiles;

/// <summary>A profile with one rule inverted; it runs on the same platform.</summary>
internal sealed class InvertedProfile(Profile original, string ruleId, RuleSet rules) : Profile
{
    public override string Name => $"{original.Name}~{ruleId}";

    public override string Description => $"{original.Description}, with {ruleId} inverted";

    public override bool ReportsSkinit => original.ReportsSkinit;

    public override IReadOnlyList<Rule> Rules => rules.Rules;

    internal override RuleSet RuleSet => rules;

    internal override Platform CreatePlatform(Cpu cpu) => original.CreatePlatform(cpu);
}
