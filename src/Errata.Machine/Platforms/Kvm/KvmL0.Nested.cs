using Errata.Machine.Core;
using Errata.Machine.Debug;
using Errata.Machine.Events;
using Errata.Machine.Rules;
using Errata.Machine.Svm;

namespace Errata.Machine.Platforms.Kvm;

/// <summary>
/// Nested SVM (arch/x86/kvm/svm/nested.c): L1's VMRUN builds vmcb02 from vmcb12 and runs L2;
/// an L2 exit L1 intercepts is reflected to L1 as a #VMEXIT; the rest KVM handles itself.
/// </summary>
internal sealed partial class KvmL0
{
    private bool _guestMode;
    private Vmcb? _vmcb02;
    private Vmcb? _vmcb12;
    private ulong _vmcb12Address;
    private ulong _vmrunRip;

    /// <summary>nested_run_pending: L1's VMRUN is emulated but L2 has not run yet; new events wait for an immediate exit.</summary>
    private bool _nestedRunPending;

    /// <summary>nested_vgif_enabled: L1 enabled vGIF for L2 in vmcb12.</summary>
    private bool _nestedVgif;

    private bool L1InterceptsIntr => _vmcb12 is { } v && v.Intercepts(Intercept.Intr);

    /// <summary>nested_svm_vmrun and enter_svm_guest_mode.</summary>
    private void NestedVmrun()
    {
        if (!CheckPermissions("vmrun")) return;
        var l1 = _vmcb01;
        var address = l1.Rax;
        if ((address & 0xFFF) != 0 || !Cpu.Memory.Contains(address, VmcbLayout.Size))
        {
            InjectGp(l1, $"VMCB address 0x{address:x} not a 4 KiB page of memory");
            return;
        }
        _vmrunRip = l1.Rip;
        var vmcb12 = VmcbLayout.Read(Cpu.Memory, address);
        Skip(singleStep: false);

        if (NestedVmcbCheckFailure(vmcb12) is { } failure)
        {
            // The consistency check fails: VMEXIT_INVALID without entering L2.
            Cpu.Memory.TryWrite(address + VmcbLayout.ExitCode, 8, ulong.MaxValue);
            SetGif(false);
            var rule = Cpu.Rules.Decide(Decision.KvmNestedVmcbChecks).Rule;
            _deliverOnEntry = Cpu.Raise(EventId.VmExit(ExitCodes.Invalid), $"{failure.What} (vmcb12)", _vmrunRip, rule);
            // 6.12's kvm_skip_emulated_instruction ran before the checks and queued its single-step #DB;
            // on the path into L2 that #DB is held by nested_run_pending and then cleared, so only here it counts.
            var skip = Cpu.Rules.Decide(Decision.KvmVmrunSkipSingleStep);
            if ((l1.Rflags & FlagBits.TF) != 0 && skip.Delivers)
                QueueException(Cpu.VectorDb, null, DebugBits.Dr6BS, Cpu.Raise(EventId.DebugException, "single-step (VMRUN skipped)", _vmrunRip, skip.Rule));
            return;
        }

        EnterGuestMode(address, vmcb12);
        _nestedRunPending = true;
    }

    /// <summary>enter_svm_guest_mode: vmcb02 from vmcb12, guest mode, GIF set.</summary>
    private void EnterGuestMode(ulong address, Vmcb vmcb12)
    {
        _vmcb12 = vmcb12;
        _vmcb12Address = address;
        _nestedVgif = _vgif && vmcb12.VGifEnabled;
        _vmcb02 = PrepareVmcb02(vmcb12);
        _guestMode = true;
        SetGif(true);
    }

    /// <summary>svm_leave_smm: back into the L2 an SMI interrupted, from vmcb12 as the #VMEXIT(SVM_EXIT_SW) wrote it.</summary>
    private void ReenterGuest(ulong address)
    {
        var vmcb12 = VmcbLayout.Read(Cpu.Memory, address);
        EnterGuestMode(address, vmcb12);
        _nestedRunPending = true;
    }

    /// <summary>
    /// nested_vmcb02_prepare_control/save: L2's state from vmcb12; intercepts are vmcb01's and
    /// vmcb12's together (recalc_intercepts), with vmcb01's I/O map; V_GIF from vmcb12 with nested
    /// vGIF, else vmcb01's.
    /// </summary>
    private Vmcb PrepareVmcb02(Vmcb g)
    {
        var h = _vmcb01;
        var v = new Vmcb
        {
            Owner = VmcbOwner.Platform,
            Iopm = h.Iopm,
            IntVector = g.IntVector,
            IntState = g.IntState,
            EventInj = g.EventInj,
            Rip = g.Rip, Rsp = g.Rsp, Rax = g.Rax, Rflags = g.Rflags,
            Cr0 = g.Cr0, Cr2 = g.Cr2, Cr3 = g.Cr3, Cr4 = g.Cr4, Efer = g.Efer | Cpu.EferSvme,
            Dr6 = g.Dr6, Dr7 = g.Dr7, Cpl = g.Cpl,
        };
        MergeIntercepts(v, g);
        var fromL1 = g.IntCtl & (IntCtlBits.VIrq | IntCtlBits.VIntrMasking | IntCtlBits.VTpr | IntCtlBits.VIntrPrio | IntCtlBits.VIgnTpr);
        var gifBits = _nestedVgif ? g.IntCtl & (IntCtlBits.VGif | IntCtlBits.VGifEnable) : h.IntCtl & IntCtlBits.VGifEnable;
        v.IntCtl = fromL1 | gifBits | IntCtlBits.VIntrMasking;
        return v;
    }

    private void HandleL2Exit(int code)
    {
        var v = _vmcb02!;
        if (code == ExitCodes.Exception0 + Cpu.VectorDb)
        {
            // nested_svm_exit_special: vmcb01 intercepts #DB, so L0 takes it first.
            DbInterception();
            return;
        }
        if (code is ExitCodes.Intr or ExitCodes.Nmi or ExitCodes.Smi) return;
        if (code == ExitCodes.Shutdown || L1Intercepts(code))
        {
            var cause = Cpu.Svm.ExitRecord >= 0 && code >= ExitCodes.Exception0 && code < ExitCodes.Exception0 + 32
                ? $"{Cpu.Log[Cpu.Svm.ExitRecord].Id.Name} intercepted ({Cpu.Log[Cpu.Svm.ExitRecord].Cause})"
                : $"{EventId.VmExit(code).Name} intercepted by L1";
            if (code >= ExitCodes.Exception0 && code < ExitCodes.Exception0 + 32 && Cpu.Svm.ExitRecord >= 0)
                Cpu.Log.Discard(Cpu.Svm.ExitRecord, Cpu.Rules.Decide(Decision.ExceptionIntercept).Rule);
            NestedVmexit(code, v.ExitInfo1, v.ExitInfo2, cause);
            return;
        }
        switch (code)
        {
            case ExitCodes.Stgi: GifInterception(true); break;
            case ExitCodes.Clgi: GifInterception(false); break;
            case ExitCodes.Vmmcall: QueueUd("vmmcall in L2 that L1 does not intercept (vmmcall_interception)"); break;
            case ExitCodes.Rsm: QueueUd("rsm in L2 outside SMM (emulated)"); break;
            case ExitCodes.Msr: MsrInterception(); break;
            case ExitCodes.Ioio: IoInterception(); break;
            case ExitCodes.VIntr: InterruptWindow(); break;
            case ExitCodes.Hlt: Halt(); break;
            case ExitCodes.Vmrun or ExitCodes.Vmload or ExitCodes.Vmsave:
                NestedVmexit(code, 0, 0, $"{EventId.VmExit(code).Name} in L2");
                break;
            default: Cpu.End(RunEnd.Stopped, $"KVM: unexpected #VMEXIT 0x{code:x} from L2", v.Rip); break;
        }
    }

    /// <summary>Whether vmcb12 intercepts an exit: CR/DR words, the exception bitmap, then the vectors at 00Ch and 010h.</summary>
    private bool L1Intercepts(int code)
    {
        var g = _vmcb12!;
        return code switch
        {
            // nested_svm_intercept_ioio: L1's own map decides, read from its memory.
            ExitCodes.Ioio => g.Intercepts(Intercept.Ioio) && g.Iopm is { } map
                && map.Intercepts(IoioExitInfo.Port(_vmcb02!.ExitInfo1), IoioExitInfo.Size(_vmcb02.ExitInfo1)),
            < 0x10 => (g.CrIntercepts & (1u << code)) != 0,
            < 0x20 => (g.CrIntercepts & (1u << (code - 0x10 + 16))) != 0,
            < 0x30 => (g.DrIntercepts & (1u << (code - 0x20))) != 0,
            < 0x40 => (g.DrIntercepts & (1u << (code - 0x30 + 16))) != 0,
            < 0x60 => g.InterceptsException(code - 0x40),
            < 0x80 => (g.Misc1 & (1u << (code - 0x60))) != 0,
            < 0xA0 => (g.Misc2 & (1u << (code - 0x80))) != 0,
            _ => false,
        };
    }

    /// <summary>
    /// svm_check_nested_events: INIT, exceptions, SMI, NMI, IRQ, and the first that is not blocked
    /// decides: a #VMEXIT to L1 when L1 intercepts it, else it stays for injection into L2.
    /// Exceptions are not GIF-gated; a nested run still pending makes KVM exit at once first.
    /// </summary>
    private Allowed CheckNestedEvents()
    {
        var g = _vmcb12!;
        var stop = Cpu.Rules.Decide(Decision.KvmNestedEventOrder).Delivers;
        if (_init >= 0)
        {
            if (_nestedRunPending) return Allowed.Busy;
            if (g.Intercepts(Intercept.Init)) return Exit(ExitCodes.Init, "init intercepted");
            if (stop) return Allowed.Yes;
        }
        if (_exception is { } e)
        {
            if (_nestedRunPending) return Allowed.Busy;
            if (g.InterceptsException(e.Vector))
            {
                _exception = null;
                // nested_svm_inject_exception_vmexit: the payload reaches DR6 first, DR7.GD is cleared.
                if (e.Vector == Cpu.VectorDb && e.Payload is { } p) DeliverDbPayload(_vmcb02!, p);
                Cpu.Log.Discard(e.Record, Cpu.Rules.Decide(Decision.ExceptionIntercept).Rule);
                return Exit(ExitCodes.Exception0 + e.Vector, $"{EventId.Exception(e.Vector).Name} intercepted ({Cpu.Log[e.Record].Cause})", e.Error ?? 0);
            }
            if (stop) return Allowed.Yes;
        }
        if (_smi >= 0 && GifSet && !Cpu.InSmm)
        {
            if (_nestedRunPending) return Allowed.Busy;
            if (g.Intercepts(Intercept.Smi)) return Exit(ExitCodes.Smi, "smi intercepted");
            if (stop) return Allowed.Yes;
        }
        if (_nmi >= 0 && GifSet && (g.Intercepts(Intercept.Nmi) || !(Cpu.NmiBlocked || InShadow(_vmcb02!))))
        {
            if (_nestedRunPending) return Allowed.Busy;
            if (g.Intercepts(Intercept.Nmi)) return Exit(ExitCodes.Nmi, "nmi intercepted");
            if (stop) return Allowed.Yes;
        }
        if (_irr.Count > 0 && GifSet && L1InterruptsEnabled && (g.Intercepts(Intercept.Intr) || !InShadow(_vmcb02!)))
        {
            if (_nestedRunPending) return Allowed.Busy;
            if (g.Intercepts(Intercept.Intr)) return Exit(ExitCodes.Intr, $"{EventId.Intr(_irr.Last().Key).Name} intercepted");
        }
        return Allowed.Yes;

        Allowed Exit(int code, string cause, ulong info1 = 0)
        {
            NestedVmexit(code, info1, 0, cause);
            return Allowed.Yes;
        }
    }

    /// <summary>
    /// nested_svm_vmexit: L2's state and the exit into vmcb12, L1's state back from vmcb01 with
    /// DR7 = DR7_FIXED_1, GIF cleared, and a #DB queued when L1 ran VMRUN with TF.
    /// </summary>
    private void NestedVmexit(int code, ulong info1, ulong info2, string cause, bool toL1 = true)
    {
        var v2 = _vmcb02!;
        var g = _vmcb12!;
        var rule = Cpu.Rules.Decide(Decision.KvmNestedVmexit).Rule;
        var record = toL1 ? Cpu.Raise(EventId.VmExit(code), cause, v2.Rip, rule) : -1;
        g.Rip = v2.Rip; g.Rsp = v2.Rsp; g.Rax = v2.Rax; g.Rflags = v2.Rflags;
        g.Cr0 = v2.Cr0; g.Cr2 = v2.Cr2; g.Cr3 = v2.Cr3; g.Cr4 = v2.Cr4; g.Efer = v2.Efer;
        g.Dr6 = v2.Dr6; g.Dr7 = v2.Dr7; g.Cpl = v2.Cpl; g.IntState = v2.IntState;
        g.ExitCode = (ulong)(long)code; g.ExitInfo1 = info1; g.ExitInfo2 = info2; g.NextRip = v2.NextRip;
        g.EventInj = 0;
        // nested_sync_control_from_vmcb02: V_IRQ goes back unless it is KVM's own window.
        if (!(v2.Intercepts(Intercept.VIntr) && !g.Intercepts(Intercept.VIntr)))
            g.IntCtl = (g.IntCtl & ~IntCtlBits.VIrq) | (v2.IntCtl & IntCtlBits.VIrq);
        if (_nestedVgif) g.IntCtl = (g.IntCtl & ~IntCtlBits.VGif) | (v2.IntCtl & IntCtlBits.VGif);
        VmcbLayout.Write(Cpu.Memory, _vmcb12Address, g);
        LeaveNested();
        _vmcb01.Dr7 = DebugBits.Dr7Fixed1;
        _vmcb01.Rflags &= ~FlagBits.RF;
        SetGif(false);
        if (toL1) _deliverOnEntry = record;
        if ((_vmcb01.Rflags & FlagBits.TF) != 0 && Cpu.Rules.Decide(Decision.KvmNestedVmexitQueuesTfDb).Delivers)
            QueueSingleStepAfterVmrun();
    }

    /// <summary>kvm_queue_exception(vcpu, DB_VECTOR): no payload, so L1's DR6 stays as it was.</summary>
    private void QueueSingleStepAfterVmrun()
    {
        var rule = Cpu.Rules.Decide(Decision.KvmNestedVmexitQueuesTfDb).Rule;
        var record = Cpu.Raise(EventId.DebugException, "single-step (VMRUN with TF)", _vmrunRip, rule);
        QueueException(Cpu.VectorDb, null, null, record);
    }

    private void QueueUd(string cause)
    {
        var rule = Cpu.Rules.Decide(Decision.Fault).Rule;
        QueueException(6, null, null, Cpu.Raise(EventId.Exception(6), cause, Current.Rip, rule));
    }

    /// <summary>svm_leave_nested: back to L1 without telling it.</summary>
    private void LeaveNested()
    {
        _guestMode = false;
        _vmcb02 = null;
        _vmcb12 = null;
        _nestedVgif = false;
    }
}
