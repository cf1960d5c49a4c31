using Errata.Machine.Core;
using Errata.Machine.Debug;
using Errata.Machine.Events;
using Errata.Machine.Firmware;
using Errata.Machine.Rules;
using Errata.Machine.Svm;

namespace Errata.Machine.Platforms.Kvm;

/// <summary>
/// SMM as KVM emulates it for L1 (smm.c enter_smm and emulator_leave_smm, svm.c svm_enter_smm,
/// svm_leave_smm and rsm_interception): the vCPU's state goes to the state-save area in L1's
/// memory, the SMI handler runs, and the intercepted RSM loads it back, into L2 if an SMI interrupted it.
/// </summary>
internal sealed partial class KvmL0
{
    /// <summary>SMM was entered while checking events: the vCPU runs even if it had halted.</summary>
    private bool _enteredSmm;

    /// <summary>L1's state while L2 ran, kept across SMM as svm_enter_smm keeps it in the host save area.</summary>
    private Vmcb? _smmHostSave;

    /// <summary>enter_smm: save the vCPU (L2's state when L2 runs), leave L2 if needed, and enter SMM in L1.</summary>
    private void EnterSmm()
    {
        var record = _smi;
        _smi = -1;
        var v = Current;
        var saved = VcpuState(v, _guestMode ? _vmcb12Address : null);
        var atDelivery = Cpu.Snapshot();
        if (_guestMode)
        {
            // svm_enter_smm: a #VMEXIT(SVM_EXIT_SW) L1 never sees; L1's state is set aside for RSM.
            var sw = Cpu.Rules.Decide(Decision.KvmSmiInL2EntersSmm);
            NestedVmexit(unchecked((int)0xF0000000), 0, 0, "smi in L2", toL1: false);
            _smmHostSave = CopySave(_vmcb01);
            Cpu.Log[record].Rule = sw.Rule;
        }
        if (!SmramLayout.TryWrite(Cpu.Memory, saved))
        {
            Cpu.Log.Deliver(record, Cpu.Log[record].Rule, saved.Rip, atDelivery);
            Cpu.End(RunEnd.Shutdown, "the SMM state-save area is not writable (kvm_vm_dead)", saved.Rip);
            return;
        }
        Cpu.Log.Deliver(record, Cpu.Log[record].Rule, saved.Rip, atDelivery, Cpu.SmmFrame(saved));
        Cpu.BeginSmm();
        var l1 = _vmcb01;
        l1.Rip = Cpu.SmiHandler;
        l1.Rflags = FlagBits.Fixed1;
        l1.Dr7 = DebugBits.Dr7Fixed1;
        l1.IntState = 0;
        l1.Cpl = 0;
        _enteredSmm = true;
    }

    /// <summary>The vCPU's registers as enter_smm_save_state_64 reads them: the VMCB's, and the rest where the processor keeps them.</summary>
    private SmmSaveState VcpuState(Vmcb v, ulong? guestVmcb)
    {
        var gpr = (ulong[])Cpu.Gpr.Clone();
        gpr[0] = v.Rax;
        gpr[4] = v.Rsp;
        var segment = (ushort[])Cpu.Segment.Clone();
        var efer = _guestMode ? v.Efer : _l1Efer;
        return new SmmSaveState(v.Rip, v.Rflags, gpr, v.Cr0, v.Cr3, v.Cr4, efer, v.Dr6, v.Dr7, segment, guestVmcb);
    }

    /// <summary>rsm_interception: #UD outside SMM; else the state-save area back, and L2 re-entered if it was interrupted.</summary>
    private void RsmInterception()
    {
        var v = _vmcb01;
        if (!Cpu.InSmm)
        {
            var ud = Cpu.Rules.Decide(Decision.RsmOutsideSmm).Rule;
            QueueException(6, null, null, Cpu.Raise(EventId.Exception(6), "rsm outside SMM (emulated)", v.Rip, ud));
            return;
        }
        if (!SmramLayout.TryRead(Cpu.Memory, out var s))
        {
            Cpu.End(RunEnd.Shutdown, "the SMM state-save area is not readable", v.Rip);
            return;
        }
        Array.Copy(s.Gpr, Cpu.Gpr, 16);
        Array.Copy(s.Segment, Cpu.Segment, 6);
        Cpu.LeaveSmm();
        if (s.GuestVmcb is { } address && _smmHostSave is { } host)
        {
            // svm_leave_smm: L1's state from the host save area, then enter_svm_guest_mode from vmcb12.
            RestoreSave(host, v);
            _smmHostSave = null;
            ReenterGuest(address);
            return;
        }
        v.Rip = s.Rip;
        v.Rsp = s.Rsp;
        v.Rax = s.Gpr[0];
        v.Rflags = (s.Rflags & FlagBits.Writable) | FlagBits.Fixed1;
        v.Cr0 = s.Cr0;
        v.Cr3 = s.Cr3;
        v.Cr4 = s.Cr4;
        _l1Efer = s.Efer;
        v.Efer = s.Efer | Cpu.EferSvme;
        v.Dr6 = s.Dr6;
        v.Dr7 = s.Dr7;
        v.Cpl = (byte)s.Cpl;
    }

    private static Vmcb CopySave(Vmcb from)
    {
        var to = new Vmcb();
        RestoreSave(from, to);
        return to;
    }

    private static void RestoreSave(Vmcb from, Vmcb to)
    {
        to.Rip = from.Rip; to.Rsp = from.Rsp; to.Rax = from.Rax; to.Rflags = from.Rflags;
        to.Cr0 = from.Cr0; to.Cr2 = from.Cr2; to.Cr3 = from.Cr3; to.Cr4 = from.Cr4; to.Efer = from.Efer;
        to.Dr6 = from.Dr6; to.Dr7 = from.Dr7; to.Cpl = from.Cpl;
    }
}
