using Errata.Machine.Core;
using Errata.Machine.Rules;
using Errata.Machine.Svm;

namespace Errata.Machine.Platforms.Kvm;

/// <summary>
/// KVM's intercepts (svm.h svm_set_intercept/svm_clr_intercept, nested.c recalc_intercepts): KVM
/// changes vmcb01's, and while L2 runs vmcb02's are vmcb01's and vmcb12's together again at once.
/// </summary>
internal sealed partial class KvmL0
{
    private void SetIntercept(Intercept i)
    {
        _vmcb01.Set(i, true);
        RecalcIntercepts();
    }

    private void ClearIntercept(Intercept i)
    {
        _vmcb01.Set(i, false);
        RecalcIntercepts();
    }

    /// <summary>
    /// recalc_intercepts: vmcb02 intercepts what vmcb01 or vmcb12 does, except that with
    /// V_INTR_MASKING and L1's IF=0 KVM's VINTR intercept is dropped (no window can open while L2 runs).
    /// </summary>
    private void RecalcIntercepts()
    {
        if (_vmcb02 is not { } c || _vmcb12 is not { } g) return;
        if (Cpu.Rules.Decide(Decision.KvmWindowsReachRunningVmcb).Delivers) MergeIntercepts(c, g);
    }

    private void MergeIntercepts(Vmcb c, Vmcb g)
    {
        var h = _vmcb01;
        c.CrIntercepts = h.CrIntercepts | g.CrIntercepts;
        c.DrIntercepts = h.DrIntercepts | g.DrIntercepts;
        c.ExceptionIntercepts = h.ExceptionIntercepts | g.ExceptionIntercepts;
        c.Misc1 = h.Misc1;
        c.Misc2 = h.Misc2;
        if ((g.IntCtl & IntCtlBits.VIntrMasking) != 0 && (h.Rflags & FlagBits.IF) == 0) c.Set(Intercept.VIntr, false);
        c.Misc1 |= g.Misc1;
        c.Misc2 |= g.Misc2;
    }
}
