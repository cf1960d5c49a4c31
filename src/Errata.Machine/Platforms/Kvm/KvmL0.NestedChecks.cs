using Errata.Machine.Rules;
using Errata.Machine.Svm;

namespace Errata.Machine.Platforms.Kvm;

/// <summary>
/// nested_vmcb_check_controls and nested_vmcb_check_save: KVM checks vmcb12 before building
/// vmcb02. The checks are the processor's (APM 15.5.1); what KVM leaves out, the hardware VMRUN
/// of vmcb02 rejects and KVM forwards, so L1 sees the same VMEXIT_INVALID either way.
/// </summary>
internal sealed partial class KvmL0
{
    private VmrunFailure? NestedVmcbCheckFailure(Vmcb vmcb12)
    {
        var failure = Cpu.Rules.Decide(Decision.KvmNestedVmcbChecks).Delivers ? VmrunChecks.FirstFailure(vmcb12, Cpu.Rules) : null;
        // A legal guest the machine cannot execute ends the run; OnVmExit then enters nothing.
        if (failure is null) Cpu.Svm.RefusesOutside64BitMode(vmcb12, _vmrunRip);
        return failure;
    }
}
