using Errata.Machine.Core;
using Errata.Machine.Platforms;
using Errata.Machine.Rules;

namespace Errata.Machine.Profiles;

/// <summary>apm: the code runs on bare metal that behaves as AMD's APM specifies.</summary>
internal sealed class ApmProfile : Profile
{
    private readonly RuleSet _rules = new(RuleBook.Processor);

    public override string Name => "apm";

    public override string Description => "software on a bare-metal AMD64 processor that behaves exactly as AMD's APM specifies";

    /// <summary>AMD processors with SVM report SKINIT; the APM's reference processor does too.</summary>
    public override bool ReportsSkinit => true;

    public override IReadOnlyList<Rule> Rules => _rules.Rules;

    internal override RuleSet RuleSet => _rules;

    internal override Platform CreatePlatform(Cpu cpu) => new BareMetal(cpu);
}
