using Errata.Machine.Core;
using Errata.Machine.Debug;
using Errata.Machine.Events;
using Errata.Machine.Rules;
using Errata.Machine.Svm;

namespace Errata.Machine.Platforms.Kvm;

/// <summary>
/// KVM's pending events for the vCPU and their injection (x86.c kvm_check_and_inject_events,
/// svm.c svm_*_allowed and svm_enable_*_window). At most one event goes in per entry; another
/// that could go in asks for an immediate exit, a blocked one opens a window. Exceptions are
/// injected without a GIF check; NMI, SMI, IRQ and INIT wait for gif_set().
/// </summary>
internal sealed partial class KvmL0
{
    private readonly record struct QueuedException(int Vector, uint? Error, ulong? Payload, int Record);

    private QueuedException? _exception;
    private int _nmi = -1, _smi = -1, _init = -1;
    private readonly SortedDictionary<int, int> _irr = [];

    /// <summary>A new event was sent (or an immediate exit requested) since the last kick: the vCPU must exit now.</summary>
    private bool _signalled;

    /// <summary>The instruction count at which KVM asked to look again once the guest has moved on.</summary>
    private long _recheckAfter = -1;

    /// <summary>What an svm_*_allowed hook answers: inject now, blocked (a window waits), or -EBUSY (exit at once and look again).</summary>
    private enum Allowed
    {
        Yes,
        Blocked,
        Busy,
    }

    /// <summary>An event sent to L1's vCPU (KVM's LAPIC or userspace): queued, and the vCPU kicked.</summary>
    public override void Signal(EventId id, string cause, ulong rip)
    {
        var rule = Cpu.Rules.Decide(id == EventId.Exception(Cpu.VectorMc) ? Decision.KvmMcNotGifGated : Decision.KvmInjectEvent).Rule;
        var record = Cpu.Raise(id, cause, rip, rule);
        switch (id.Class)
        {
            case EventClass.Nmi: _nmi = record; break;
            case EventClass.Smi: _smi = record; break;
            case EventClass.Init: _init = record; break;
            case EventClass.Intr: _irr[id.Number] = record; break;
            case EventClass.Exception: QueueException(id.Number, null, null, record); break;
            default: return;
        }
        Kick();
    }

    /// <summary>kvm_vcpu_kick, or the self-IPI of an immediate exit: the vCPU exits at its next boundary.</summary>
    private void Kick()
    {
        _signalled = true;
        Cpu.RaisePending(PendingEvents.PlatformRequest);
    }

    /// <summary>kvm_queue_exception(_p): the payload (DR6 bits for #DB) is applied only at delivery.</summary>
    private void QueueException(int vector, uint? error, ulong? payload, int record) =>
        _exception = new QueuedException(vector, error, payload, record);

    /// <summary>
    /// kvm_apic_accept_events then kvm_check_and_inject_events: nested events first, INIT, the
    /// pending exception, then SMI, NMI and IRQ. Sets <paramref name="immediateExit"/> for -EBUSY.
    /// </summary>
    private EntryAction CheckAndInjectEvents(ref bool immediateExit)
    {
        if (_guestMode && CheckNestedEvents() == Allowed.Busy) return Busy(ref immediateExit);
        if (_init >= 0 && InitAllowed())
        {
            Cpu.Log.Deliver(_init, Cpu.Log[_init].Rule, Current.Rip, Cpu.Snapshot());
            Cpu.End(RunEnd.Reset, "INIT delivered (kvm_vcpu_reset)", Current.Rip);
            return EntryAction.Reset;
        }

        var canInject = true;
        if (_exception is { } e)
        {
            InjectException(e);
            canInject = false;
        }
        if (_smi >= 0)
        {
            var r = canInject ? SmiAllowed() : Allowed.Busy;
            if (r == Allowed.Busy) return Busy(ref immediateExit);
            if (r == Allowed.Yes)
            {
                EnterSmm();
                canInject = false;
            }
        }
        if (_nmi >= 0)
        {
            var r = canInject ? NmiAllowed() : Allowed.Busy;
            if (r == Allowed.Busy) return Busy(ref immediateExit);
            if (r == Allowed.Yes)
            {
                Inject(EventInj.Make(EventInj.TypeNmi, Cpu.VectorNmi), _nmi);
                _nmi = -1;
                canInject = false;
            }
        }
        if (_irr.Count > 0)
        {
            var r = canInject ? InterruptAllowed() : Allowed.Busy;
            if (r == Allowed.Busy) return Busy(ref immediateExit);
            if (r == Allowed.Yes)
            {
                var (vector, record) = _irr.Last();
                _irr.Remove(vector);
                Inject(EventInj.Make(EventInj.TypeIntr, vector), record);
            }
            if (_irr.Count > 0) EnableIrqWindow();
        }
        return EntryAction.Run;
    }

    /// <summary>The "out:" path for -EBUSY: nothing more goes in now; the vCPU exits at once and KVM looks again.</summary>
    private EntryAction Busy(ref bool immediateExit)
    {
        if (Cpu.Rules.Decide(Decision.KvmOneEventPerEntry).Delivers) immediateExit = true;
        return EntryAction.Run;
    }

    private void Inject(ulong eventInj, int record)
    {
        Current.EventInj = eventInj;
        Current.EventInjRecord = record;
    }

    /// <summary>A pending exception: RF set for a fault, the #DB payload delivered into DR6, then EVENTINJ.</summary>
    private void InjectException(QueuedException e)
    {
        var v = Current;
        _exception = null;
        if (IsFault(e.Vector) && Cpu.Rules.Decide(Decision.KvmInjectedFaultSetsRf).Delivers) v.Rflags |= FlagBits.RF;
        if (e.Vector == Cpu.VectorDb && e.Payload is { } p) DeliverDbPayload(v, p);
        Inject(EventInj.Make(EventInj.TypeException, e.Vector, e.Error), e.Record);
    }

    /// <summary>kvm_apic_init_sipi_allowed: not in SMM and gif_set(); no window is armed for INIT.</summary>
    private bool InitAllowed()
    {
        if (Cpu.InSmm)
        {
            Cpu.Log.Hold(_init, Cpu.Rules.Decide(Decision.KvmInitAtGif0).Rule);
            return false;
        }
        return !GifBlocks(_init, Decision.KvmInitAtGif0);
    }

    /// <summary>svm_smi_allowed: -EBUSY during a nested run or when L1 intercepts it; blocked at GIF=0 or in SMM.</summary>
    private Allowed SmiAllowed()
    {
        if (_nestedRunPending) return Allowed.Busy;
        if (GifBlocks(_smi, Decision.KvmSmiAtGif0))
        {
            if (Cpu.InSmm) Cpu.Log.AlsoHeld(_smi, Cpu.Rules.Decide(Decision.SmmBlocksSmi).Rule);
            return Allowed.Blocked;
        }
        if (Cpu.InSmm)
        {
            // svm_enable_smi_window: in SMM, RSM exits anyway.
            Cpu.Log.Hold(_smi, Cpu.Rules.Decide(Decision.SmmBlocksSmi).Rule);
            return Allowed.Blocked;
        }
        return _guestMode && _vmcb12!.Intercepts(Intercept.Smi) ? Allowed.Busy : Allowed.Yes;
    }

    /// <summary>svm_nmi_allowed: -EBUSY during a nested run or when L1 intercepts it; blocked per svm_nmi_blocked.</summary>
    private Allowed NmiAllowed()
    {
        if (_nestedRunPending) return Allowed.Busy;
        if (GifBlocks(_nmi, Decision.KvmNmiAtGif0))
        {
            if (Cpu.NmiBlocked) Cpu.Log.AlsoHeld(_nmi, Cpu.Rules.Decide(Cpu.InSmm ? Decision.SmmBlocksSmi : Decision.NmiBlockedUntilIret).Rule);
            return Allowed.Blocked;
        }
        if (_guestMode && _vmcb12!.Intercepts(Intercept.Nmi)) return Allowed.Busy;
        if (Cpu.NmiBlocked || InShadow(Current))
        {
            // svm_enable_nmi_window: the IRET intercept or NMI single-step brings KVM back after the next instruction.
            HoldUntilNextBoundary(_nmi, Cpu.InSmm ? Decision.SmmBlocksSmi : Decision.NmiBlockedUntilIret);
            return Allowed.Blocked;
        }
        return Allowed.Yes;
    }

    /// <summary>svm_interrupt_allowed and svm_interrupt_blocked.</summary>
    private Allowed InterruptAllowed()
    {
        if (_nestedRunPending) return Allowed.Busy;
        var record = _irr.Last().Value;
        var masked = !L1InterruptsEnabled || (!(_guestMode && _vmcb12!.Intercepts(Intercept.Intr)) && InShadow(Current));
        if (GifBlocks(record, Decision.KvmIntrAtGif0))
        {
            if (masked) Cpu.Log.AlsoHeld(record, Cpu.Rules.Decide(Decision.IfMasksIntr).Rule);
            return Allowed.Blocked;
        }
        if (masked)
        {
            Cpu.Log.Hold(record, Cpu.Rules.Decide(Decision.IfMasksIntr).Rule);
            return Allowed.Blocked;
        }
        return _guestMode && _vmcb12!.Intercepts(Intercept.Intr) ? Allowed.Busy : Allowed.Yes;
    }

    /// <summary>The IF that masks L1's interrupts: while L2 runs with V_INTR_MASKING, L1's own (vmcb01), else the running code's.</summary>
    private bool L1InterruptsEnabled =>
        _guestMode && (_vmcb12!.IntCtl & IntCtlBits.VIntrMasking) != 0
            ? (_vmcb01.Rflags & FlagBits.IF) != 0
            : (Current.Rflags & FlagBits.IF) != 0;

    /// <summary>exception_type() is EXCPT_FAULT: not #DB (EXCPT_DB), #BP or #OF (traps), #DF or #MC (aborts).</summary>
    private static bool IsFault(int vector) =>
        vector is not (Cpu.VectorDb or Cpu.VectorBp or 4 or Cpu.VectorDf or Cpu.VectorMc);

    private static bool InShadow(Vmcb v) => (v.IntState & 1) != 0;

    /// <summary>
    /// The gif_set() test of svm_*_blocked: true when the event is held. For NMI and SMI with vGIF,
    /// KVM arms the STGI intercept to see the window open (enable_nmi_window, enable_smi_window).
    /// </summary>
    private bool GifBlocks(int record, Decision decision)
    {
        if (GifSet) return false;
        var ruling = Cpu.Rules.Decide(decision);
        if (ruling.Fate != Fate.Hold) return false;
        Cpu.Log.Hold(record, ruling.Rule);
        if (decision is Decision.KvmNmiAtGif0 or Decision.KvmSmiAtGif0 && _vgif
            && Cpu.Rules.Decide(Decision.KvmStgiInterceptForWindow).Delivers)
            SetIntercept(Intercept.Stgi);
        return true;
    }

    /// <summary>
    /// Blocked for a reason the hardware lifts within an instruction or at IRET: KVM single-steps
    /// the guest (nmi_singlestep) and looks again after the next instruction.
    /// </summary>
    private void HoldUntilNextBoundary(int record, Decision decision)
    {
        Cpu.Log.Hold(record, Cpu.Rules.Decide(decision).Rule);
        _recheckAfter = Cpu.Instructions;
        Cpu.RaisePending(PendingEvents.PlatformRequest);
    }

    /// <summary>
    /// svm_enable_irq_window: with vGIF or GIF=1, svm_set_vintr: the VINTR intercept (through
    /// recalc_intercepts) and, if it survived, a dummy V_IRQ of priority 0xf in the running VMCB.
    /// </summary>
    private void EnableIrqWindow()
    {
        if (!_vgif && !GifSet) return;
        SetIntercept(Intercept.VIntr);
        var v = Cpu.Rules.Decide(Decision.KvmWindowsReachRunningVmcb).Delivers ? Current : _vmcb01;
        if (!v.Intercepts(Intercept.VIntr)) return;
        v.IntCtl = (v.IntCtl & ~IntCtlBits.VIntrPrio) | IntCtlBits.VIrq | (0xFu << IntCtlBits.VIntrPrioShift);
        v.IntVector = 0;
    }

    /// <summary>svm_clear_vintr: drop KVM's window; while L2 runs, vmcb02 gets L1's own V_IRQ back.</summary>
    private void ClearVintr()
    {
        const uint injectionBits = IntCtlBits.VIrq | IntCtlBits.VIntrPrio | IntCtlBits.VIgnTpr;
        ClearIntercept(Intercept.VIntr);
        Current.IntCtl &= ~injectionBits;
        if (_vmcb02 is not { } v2 || _vmcb12 is not { } g) return;
        _vmcb01.IntCtl &= ~injectionBits;
        v2.IntCtl |= g.IntCtl & injectionBits;
        v2.IntVector = g.IntVector;
    }

    /// <summary>interrupt_window_interception: the window is open; the IRQ is injected on entry.</summary>
    private void InterruptWindow() => ClearVintr();

    /// <summary>
    /// kvm_deliver_exception_payload for #DB: B0-B3 cleared, the payload's active-high bits set
    /// and active-low bits flipped, bit 12 cleared; DR7.GD cleared.
    /// </summary>
    private static void DeliverDbPayload(Vmcb v, ulong payload)
    {
        var dr6 = v.Dr6 & ~DebugBits.Dr6TrapBits;
        dr6 |= DebugBits.Dr6ActiveLow;
        dr6 |= payload;
        dr6 ^= payload & DebugBits.Dr6ActiveLow;
        dr6 &= ~(1UL << 12);
        v.Dr6 = dr6;
        v.Dr7 &= ~DebugBits.Dr7GD;
    }
}
