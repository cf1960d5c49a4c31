using Errata.Machine.Debug;
using Errata.Machine.Events;
using Errata.Machine.Execution;
using Errata.Machine.Firmware;
using Errata.Machine.Rules;

namespace Errata.Machine.Core;

/// <summary>
/// System-management mode (APM Vol. 2 10.3): SMM entry saves the interrupted state in the
/// state-save area, not on the stack, and RSM restores it from there.
/// </summary>
internal sealed partial class Cpu
{
    /// <summary>Where SMM entry goes: the image's smi handler or the default one.</summary>
    public ulong SmiHandler = MachineLayout.SmiHandler;

    /// <summary>NMIs were already blocked when SMM was entered, so RSM leaves them blocked (KVM's HF_SMM_INSIDE_NMI_MASK).</summary>
    public bool SmmInsideNmiMask;

    /// <summary>Takes an SMI: the state goes to the state-save area and the SMI handler runs in SMM.</summary>
    public void EnterSmm(ulong returnRip, int record, Rule rule)
    {
        Rip = returnRip;
        var atDelivery = Snapshot();
        var saved = CaptureSmmState(null);
        if (!SmramLayout.TryWrite(Memory, saved))
        {
            Log.Deliver(record, rule, returnRip, atDelivery);
            End(RunEnd.Shutdown, "the SMM state-save area is not writable", returnRip);
            return;
        }
        Log.Deliver(record, rule, returnRip, atDelivery, SmmFrame(saved));
        EnterSmmEnvironment();
    }

    /// <summary>The state SMM entry saves, read from this processor.</summary>
    public SmmSaveState CaptureSmmState(ulong? guestVmcb) =>
        new(Rip, Rflags, (ulong[])Gpr.Clone(), Cr0, Cr3, Cr4, Efer, Debug.Dr6, Debug.Dr7, (ushort[])Segment.Clone(), guestVmcb);

    /// <summary>What a handler of the SMI was given, for `with frame.` assertions: the saved state, as a frame would show it.</summary>
    public static InterruptFrame SmmFrame(SmmSaveState s) => new(s.Rip, s.Segment[1], s.Rflags, s.Rsp, s.Segment[2], null);

    /// <summary>
    /// SMM's initial state (APM Vol. 2 10.3.2, Table 10-3) as far as the machine models it: RFLAGS = 2
    /// (IF and TF clear), DR7 = 400h, no shadow, NMIs blocked, CPL 0, RIP at the SMI handler.
    /// </summary>
    public void EnterSmmEnvironment()
    {
        BeginSmm();
        Rflags = FlagBits.Fixed1;
        ForgetStartingRf();
        Debug.WriteDr7(DebugBits.Dr7Fixed1);
        ShadowAfter = -1;
        TrapArmed = false;
        Cpl = 0;
        Rip = SmiHandler;
        RefreshPending();
    }

    /// <summary>
    /// What SMM entry changes beyond the registers a VMCB holds: the SMM flag, NMI blocking
    /// (remembering whether it was already on) and the handler's selectors. KVM's emulated
    /// entry sets the rest in vmcb01.
    /// </summary>
    public void BeginSmm()
    {
        InSmm = true;
        SmmInsideNmiMask = NmiBlocked;
        NmiBlocked = true;
        Segment[1] = 0x08;
        Segment[2] = 0x10;
    }

    /// <summary>RSM: #UD outside SMM; otherwise the saved state comes back and SMM ends.</summary>
    public ExecResult ResumeFromSmm()
    {
        if (!InSmm) return RaiseFault(6, "rsm outside SMM", Rules.Decide(Decision.RsmOutsideSmm).Rule);
        if (!SmramLayout.TryRead(Memory, out var s))
        {
            End(RunEnd.Shutdown, "the SMM state-save area is not readable", Rip);
            return ExecResult.Jump;
        }
        RestoreSmmState(s);
        LeaveSmm();
        return ExecResult.Jump;
    }

    /// <summary>Loads the registers of a state-save area into this processor.</summary>
    public void RestoreSmmState(SmmSaveState s)
    {
        Array.Copy(s.Gpr, Gpr, 16);
        Array.Copy(s.Segment, Segment, 6);
        Rip = s.Rip;
        Rflags = (s.Rflags & FlagBits.Writable) | FlagBits.Fixed1;
        Cr0 = s.Cr0;
        Cr3 = s.Cr3;
        Cr4 = s.Cr4;
        Efer = s.Efer;
        Cpl = s.Cpl;
        Debug.WriteDr7(s.Dr7);
        Debug.WriteDr6(s.Dr6);
    }

    /// <summary>SMM ends: NMI blocking goes back to what it was at entry.</summary>
    public void LeaveSmm()
    {
        InSmm = false;
        NmiBlocked = SmmInsideNmiMask;
        SmmInsideNmiMask = false;
        RefreshPending();
    }
}
