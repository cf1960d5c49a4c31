using Errata.Machine.Core;
using Errata.Machine.Platforms;
using Errata.Machine.Rules;

namespace Errata.Machine.Profiles;

/// <summary>
/// qemu-tcg: the code runs on bare metal, as on apm, but the processor is QEMU 7.2's TCG: the
/// processor's rules with QEMU's in place of those it departs from (GIF gating of breakpoint #DB
/// and INIT, ICEBP). CPU models QEMU offers with SVM under TCG do not report SKINIT.
/// </summary>
internal sealed class QemuTcgProfile : Profile
{
    private readonly RuleSet _rules = new(RuleBook.Processor.Concat(RuleBook.QemuTcg));

    public override string Name => "qemu-tcg";

    public override string Description => "software on the x86-64 processor QEMU 7.2 emulates with TCG (qemu-system-x86_64 -accel tcg), as its sources behave";

    public override IReadOnlyList<Rule> Rules => _rules.Rules;

    internal override RuleSet RuleSet => _rules;

    internal override Platform CreatePlatform(Cpu cpu) => new BareMetal(cpu);
}
