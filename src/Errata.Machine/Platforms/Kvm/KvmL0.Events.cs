using Errata.Machine.Core;
using Errata.Machine.Debug;
using Errata.Machine.Events;
using Errata.Machine.Rules;
using Errata.Machine.Svm;

namespace Errata.Machine.Platforms.Kvm;

/// <summary>
/// KVM's pending events for the vCPU and their injection (x86.c kvm_check_and_inject_events,
/// svm.c svm_*_blocked and svm_enable_*_window). Exceptions are injected without a GIF check;
/// NMI, SMI, IRQ and INIT wait for gif_set().
/// </summary>
internal sealed partial class KvmL0
{
    private readonly record struct QueuedException(int Vector, uint? Error, ulong? Payload, int Record);

    private QueuedException? _exception;
    private int _nmi = -1, _smi = -1, _init = -1;
    private readonly SortedDictionary<int, int> _irr = [];

    /// <summary>A new event was sent since the last kick: the vCPU must exit now.</summary>
    private bool _signalled;

    /// <summary>The instruction count at which KVM asked to look again once the guest has moved on.</summary>
    private long _recheckAfter = -1;

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
        _signalled = true;
        Cpu.Pending |= PendingEvents.PlatformRequest;
    }

    /// <summary>kvm_queue_exception(_p): the payload (DR6 bits for #DB) is applied only at delivery.</summary>
    private void QueueException(int vector, uint? error, ulong? payload, int record) =>
        _exception = new QueuedException(vector, error, payload, record);

    private EntryAction CheckAndInjectEvents()
    {
        var v = Current;
        var log = Cpu.Log;
        if (_exception is { } e)
        {
            _exception = null;
            if (IsFault(e.Vector) && Cpu.Rules.Decide(Decision.KvmInjectedFaultSetsRf).Delivers) v.Rflags |= FlagBits.RF;
            if (e.Vector == Cpu.VectorDb && e.Payload is { } p) DeliverDbPayload(v, p);
            v.EventInj = EventInj.Make(EventInj.TypeException, e.Vector, e.Error);
            v.EventInjRecord = e.Record;
            return EntryAction.Run;
        }
        if (_smi >= 0)
        {
            if (!GifBlocks(_smi, Decision.KvmSmiAtGif0) && !Cpu.InSmm) return EntryAction.EnterSmm;
        }
        if (_nmi >= 0)
        {
            if (GifBlocks(_nmi, Decision.KvmNmiAtGif0)) return EntryAction.Run;
            if (Cpu.NmiBlocked || Cpu.InSmm || InShadow(v)) HoldUntilNextBoundary(_nmi, Decision.NmiBlockedUntilIret);
            else
            {
                v.EventInj = EventInj.Make(EventInj.TypeNmi, Cpu.VectorNmi);
                v.EventInjRecord = _nmi;
                _nmi = -1;
                return EntryAction.Run;
            }
        }
        if (_irr.Count > 0)
        {
            var (vector, record) = _irr.Last();
            if (GifBlocks(record, Decision.KvmIntrAtGif0)) EnableIrqWindow();
            else if ((v.Rflags & FlagBits.IF) == 0 || InShadow(v) || (_guestMode && L1InterceptsIntr))
            {
                log.Hold(record, Cpu.Rules.Decide(Decision.IfMasksIntr).Rule);
                EnableIrqWindow();
            }
            else
            {
                _irr.Remove(vector);
                v.EventInj = EventInj.Make(EventInj.TypeIntr, vector);
                v.EventInjRecord = record;
                return EntryAction.Run;
            }
        }
        if (_init >= 0)
        {
            // No window is armed for INIT: it is looked at again on the next exit.
            if (!GifBlocks(_init, Decision.KvmInitAtGif0))
            {
                log.Deliver(_init, log[_init].Rule, Current.Rip, Cpu.Snapshot());
                Cpu.End(RunEnd.Reset, "INIT delivered (kvm_vcpu_reset)", Current.Rip);
                return EntryAction.Reset;
            }
        }
        return EntryAction.Run;
    }

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
        var verdict = Cpu.Rules.Decide(decision);
        if (verdict.Fate != Fate.Hold) return false;
        Cpu.Log.Hold(record, verdict.Rule);
        if (decision is Decision.KvmNmiAtGif0 or Decision.KvmSmiAtGif0 && _vgif
            && Cpu.Rules.Decide(Decision.KvmStgiInterceptForWindow).Delivers)
            _vmcb01.Set(Intercept.Stgi, true);
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
        Cpu.Pending |= PendingEvents.PlatformRequest;
    }

    /// <summary>svm_enable_irq_window: with vGIF or GIF=1, a dummy V_IRQ and the VINTR intercept; else rely on STGI's intercept.</summary>
    private void EnableIrqWindow()
    {
        if (!_vgif && !GifSet) return;
        var v = _vmcb01;
        v.IntCtl |= IntCtlBits.VIrq | IntCtlBits.VIntrPrio; // svm_set_vintr: priority 0xf
        v.IntVector = 0;
        v.Set(Intercept.VIntr, true);
    }

    /// <summary>svm_clear_vintr: drop KVM's window; while L2 runs, vmcb02 gets L1's own V_IRQ and VINTR intercept back.</summary>
    private void ClearVintr()
    {
        _vmcb01.IntCtl &= ~IntCtlBits.VIrq;
        _vmcb01.Set(Intercept.VIntr, false);
        if (_vmcb02 is not { } v2 || _vmcb12 is not { } g) return;
        v2.IntCtl = (v2.IntCtl & ~IntCtlBits.VIrq) | (g.IntCtl & IntCtlBits.VIrq);
        v2.IntVector = g.IntVector;
        v2.Set(Intercept.VIntr, g.Intercepts(Intercept.VIntr));
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
