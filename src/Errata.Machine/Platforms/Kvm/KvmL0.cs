using Errata.Machine.Apic;
using Errata.Machine.Core;
using Errata.Machine.Debug;
using Errata.Machine.Events;
using Errata.Machine.Firmware;
using Errata.Machine.Rules;
using Errata.Machine.Svm;

namespace Errata.Machine.Platforms.Kvm;

/// <summary>
/// KVM (kvm_amd) as L0, in C#: it runs the scenario's code as L1 with vmcb01, handles every
/// #VMEXIT the way arch/x86/kvm/svm/svm.c and nested.c do, and re-enters with VMRUN. The
/// hardware underneath is the same processor the apm profile uses; gaps come from here.
/// This file: vCPU state, init_vmcb, exit dispatch and (re-)entry.
/// </summary>
internal sealed partial class KvmL0 : Platform
{
    private readonly bool _vgif;
    private readonly Vmcb _vmcb01;
    private readonly LocalApic _apic;

    /// <summary>svm->guest_gif: L1's GIF when vGIF is off.</summary>
    private bool _guestGif = true;

    /// <summary>vcpu->arch.efer: EFER as L1 wrote it (the hardware runs with SVME forced on).</summary>
    private ulong _l1Efer = Cpu.DefaultEfer;

    /// <summary>The vCPU executed HLT (kvm_emulate_halt) and waits for an event KVM can inject.</summary>
    private bool _halted;

    /// <summary>A visible event (a nested #VMEXIT to L1) to record as delivered once L1 is entered.</summary>
    private int _deliverOnEntry = -1;

    public KvmL0(Cpu cpu, bool vgif) : base(cpu)
    {
        _vgif = vgif;
        _apic = new LocalApic((id, cause) => Signal(id, cause, cpu.Rip));
        _vmcb01 = InitVmcb();
    }

    public override LocalApic Apic => _apic;

    public override bool ScenarioGif => GifSet;

    /// <summary>With vGIF, L1's (or L2's) GIF is V_GIF of the VMCB KVM keeps it in (svm.c: init_vmcb, nested.c).</summary>
    public override bool ScenarioVGif => VgifVmcb is { } v && v.VGif;

    public override bool ScenarioInGuest => _guestMode;

    public override ulong ScenarioEfer => _l1Efer;

    /// <summary>The VMCB KVM runs next: vmcb02 while L2 runs, else vmcb01.</summary>
    private Vmcb Current => _guestMode ? _vmcb02! : _vmcb01;

    /// <summary>
    /// init_vmcb: #DB always intercepted, every I/O port intercepted, the SVM instructions intercepted
    /// (CLGI/STGI cleared again with vGIF, which sets V_GIF_ENABLE), physical interrupts and MSRs intercepted.
    /// </summary>
    private Vmcb InitVmcb()
    {
        var v = new Vmcb { Owner = VmcbOwner.Platform };
        if (Cpu.Rules.Decide(Decision.KvmDbIntercepted).Delivers) v.ExceptionIntercepts |= 1u << Cpu.VectorDb;
        if (Cpu.Rules.Decide(Decision.KvmIoioIntercepted).Delivers)
        {
            v.Set(Intercept.Ioio, true);
            v.Iopm = IoPermissionMap.AllPorts;
        }
        foreach (var i in new[] { Intercept.Intr, Intercept.Nmi, Intercept.Smi, Intercept.Hlt, Intercept.Msr, Intercept.Shutdown })
            v.Set(i, true);
        if (Cpu.Rules.Decide(Decision.KvmRsmIntercepted).Delivers) v.Set(Intercept.Rsm, true);
        foreach (var i in new[] { Intercept.Vmrun, Intercept.Vmmcall, Intercept.Vmload, Intercept.Vmsave, Intercept.Stgi, Intercept.Clgi })
            v.Set(i, true);
        v.IntCtl = IntCtlBits.VIntrMasking;
        if (_vgif && Cpu.Rules.Decide(Decision.KvmVgif).Delivers)
        {
            v.Set(Intercept.Stgi, false);
            v.Set(Intercept.Clgi, false);
            v.IntCtl |= IntCtlBits.VGifEnable | IntCtlBits.VGif;
        }
        return v;
    }

    /// <summary>L1 starts in the initial state docs/guide/scenarios.md gives; KVM enters it with VMRUN.</summary>
    public override void Start(MachineImage image)
    {
        var v = _vmcb01;
        v.Rip = image.Entry;
        v.Rsp = MachineLayout.StackTop;
        v.Rax = image.GuestEntry is not null ? MachineLayout.Vmcb : 0;
        v.Rflags = FlagBits.Fixed1;
        v.Cr0 = Cpu.DefaultCr0;
        v.Cr3 = MachineLayout.PageTableRoot;
        v.Cr4 = Cpu.DefaultCr4;
        v.Efer = _l1Efer | Cpu.EferSvme;
        v.Dr6 = DebugBits.Dr6ActiveLow;
        v.Dr7 = DebugBits.Dr7Fixed1;
        EnterGuest();
    }

    public override void OnVmExit(Vmcb vmcb)
    {
        var code = (int)(long)vmcb.ExitCode;
        if (_guestMode) HandleL2Exit(code);
        else HandleL1Exit(code);
        if (Cpu.Ended is null) EnterGuest();
    }

    /// <summary>A pending request kicks the vCPU: the host's IPI exits the guest (INTR intercept) and KVM re-enters.</summary>
    public override bool OnRequest()
    {
        if (!Cpu.Svm.GuestMode) return false;
        if (!_signalled && Cpu.Instructions == _recheckAfter)
        {
            Cpu.RaisePending(PendingEvents.PlatformRequest);
            return false;
        }
        _signalled = false;
        Cpu.Svm.Exit(ExitCodes.Intr, 0, 0, "kick", Cpu.Rules.Decide(Decision.InterruptIntercept).Rule);
        return true;
    }

    private void HandleL1Exit(int code)
    {
        switch (code)
        {
            case ExitCodes.Exception0 + Cpu.VectorDb: DbInterception(); break;
            case ExitCodes.Stgi: GifInterception(true); break;
            case ExitCodes.Clgi: GifInterception(false); break;
            case ExitCodes.Vmrun: NestedVmrun(); break;
            case ExitCodes.Vmmcall: Hypercall(); break;
            case ExitCodes.Vmload or ExitCodes.Vmsave:
                if (CheckPermissions("vmload/vmsave")) Skip();
                break;
            case ExitCodes.Msr: MsrInterception(); break;
            case ExitCodes.Ioio: IoInterception(); break;
            case ExitCodes.VIntr: InterruptWindow(); break;
            case ExitCodes.Intr or ExitCodes.Nmi or ExitCodes.Smi: break;
            case ExitCodes.Hlt: Halt(); break;
            case ExitCodes.Rsm: RsmInterception(); break;
            case ExitCodes.Shutdown: Cpu.End(RunEnd.Shutdown, "triple fault in L1 (KVM_EXIT_SHUTDOWN)", _vmcb01.Rip); break;
            default: Cpu.End(RunEnd.Stopped, $"KVM: unexpected #VMEXIT 0x{code:x} from L1", _vmcb01.Rip); break;
        }
    }

    /// <summary>
    /// vcpu_enter_guest: events (nested first, then kvm_check_and_inject_events), then VMRUN; an
    /// immediate exit asked for by -EBUSY is the self-IPI svm_vcpu_run sends before entering.
    /// </summary>
    private void EnterGuest()
    {
        var immediateExit = false;
        var action = CheckAndInjectEvents(ref immediateExit);
        if (action == EntryAction.Reset || Cpu.Ended is not null) return;
        if (_halted)
        {
            // kvm_vcpu_block: only an event KVM can inject now wakes the vCPU; nothing else will ever arrive.
            if (!immediateExit && !_enteredSmm && (Current.EventInj & EventInj.Valid) == 0)
            {
                Cpu.End(RunEnd.Halted, null, Current.Rip);
                return;
            }
            _halted = false;
        }
        _enteredSmm = false;
        if (_deliverOnEntry >= 0) EnterAfterReflectedExit();
        else Cpu.Svm.Enter(Current);
        _nestedRunPending = false;
        if (immediateExit) Kick();
    }

    /// <summary>
    /// L1 sees the reflected #VMEXIT first and then the event KVM injects with it (the #DB
    /// queued for VMRUN with TF): the exit is logged with L1's state at the exit, before the
    /// injection enters L1's handler, so the log keeps the order L1 observes.
    /// </summary>
    private void EnterAfterReflectedExit()
    {
        var v = Current;
        var inject = v.EventInj;
        v.EventInj = 0;
        Cpu.Svm.Enter(v);
        Cpu.Log.Deliver(_deliverOnEntry, Cpu.Log[_deliverOnEntry].Rule, Cpu.Rip, Cpu.Snapshot());
        _deliverOnEntry = -1;
        if ((inject & EventInj.Valid) == 0) return;
        v.EventInj = inject;
        Cpu.DeliverInjected(v);
    }

    /// <summary>
    /// kvm_skip_emulated_instruction: RIP to nRIP (RF left as the exit saved it), the interrupt
    /// shadow dropped, and a single-step #DB when TF was set.
    /// </summary>
    private void Skip(bool singleStep = true)
    {
        var v = Current;
        var rip = v.Rip;
        v.Rip = v.NextRip;
        v.IntState = 0;
        if (!Cpu.Rules.Decide(Decision.KvmNripSkipKeepsRf).Delivers) v.Rflags &= ~FlagBits.RF;
        if (singleStep && (v.Rflags & FlagBits.TF) != 0)
        {
            var rule = Cpu.Rules.Decide(Decision.SingleStep).Rule;
            var record = Cpu.Raise(EventId.DebugException, "single-step", rip, rule);
            QueueException(Cpu.VectorDb, null, DebugBits.Dr6BS, record);
        }
    }

    /// <summary>nested_svm_check_permissions: #UD unless L1's EFER.SVME, #GP unless CPL 0.</summary>
    private bool CheckPermissions(string what)
    {
        var v = Current;
        if ((_l1Efer & Cpu.EferSvme) == 0)
        {
            var rule = Cpu.Rules.Decide(Decision.SvmNeedsSvme).Rule;
            QueueException(6, null, null, Cpu.Raise(EventId.Exception(6), $"{what} with EFER.SVME=0", v.Rip, rule));
            return false;
        }
        if (v.Cpl != 0)
        {
            var rule = Cpu.Rules.Decide(Decision.PrivilegedInstruction).Rule;
            QueueException(13, 0, null, Cpu.Raise(EventId.Exception(13), $"{what} at CPL {v.Cpl}", v.Rip, rule));
            return false;
        }
        return true;
    }

    /// <summary>kvm_emulate_halt: skip HLT and block the vCPU until an event can be injected.</summary>
    private void Halt()
    {
        Skip();
        _halted = true;
    }

    private void Hypercall()
    {
        if (!Cpu.Rules.Decide(Decision.KvmHypercall).Delivers)
        {
            var rule = Cpu.Rules.Decide(Decision.Fault).Rule;
            QueueException(6, null, null, Cpu.Raise(EventId.Exception(6), "vmmcall not handled", Current.Rip, rule));
            return;
        }
        Current.Rax = unchecked((ulong)-1000L); // -KVM_ENOSYS
        Skip();
    }

    private enum EntryAction
    {
        Run,
        Reset,
    }
}
