using Errata.Machine.Core;
using Errata.Machine.Platforms;
using Errata.Machine.Platforms.Kvm;
using Errata.Machine.Rules;

namespace Errata.Machine.Profiles;

/// <summary>
/// kvm and kvm-novgif: the code is an L1 hypervisor in a KVM guest with nested SVM, with or
/// without vGIF. The processor's rules plus KVM's; the vGIF module parameter picks KVM's path.
/// </summary>
internal sealed class KvmProfile(string name, bool vgif, string description) : Profile
{
    private readonly RuleSet _rules = new(RuleBook.Processor.Concat(RuleBook.Kvm));

    public override string Name => name;

    public override string Description => description;

    public override IReadOnlyList<Rule> Rules => _rules.Rules;

    internal override RuleSet RuleSet => _rules;

    internal override Platform CreatePlatform(Cpu cpu) => new KvmL0(cpu, vgif);
}
