using Errata.Machine.Events;
using Errata.Machine.Firmware;
using Errata.Machine.Rules;
using Errata.Machine.Svm;

namespace Errata.Machine.Core;

/// <summary>
/// Delivery through the IDT (long-mode interrupt gates, APM Vol. 2 8.9), escalation to
/// #DF and shutdown, EVENTINJ at VMRUN, and IRETQ.
/// </summary>
internal sealed partial class Cpu
{
    public const int VectorDb = 1, VectorNmi = 2, VectorBp = 3, VectorDf = 8, VectorMc = 18;

    /// <summary>
    /// Delivers an exception raised at the current level: a #VMEXIT when the running
    /// VMCB intercepts it (RFLAGS saved as they stand), otherwise through the IDT with
    /// <paramref name="returnRip"/> pushed and RF as <paramref name="rf"/> says.
    /// </summary>
    public void DeliverException(int vector, uint? error, ulong returnRip, int record, Rule rule, ulong interceptRip,
        FrameRf rf = FrameRf.AsItStands)
    {
        if (Svm.InterceptsException(vector))
        {
            var intercept = Rules.Decide(Decision.ExceptionIntercept).Rule;
            if (Svm.Active!.Owner == VmcbOwner.Software) Log.Discard(record, intercept);
            Rip = interceptRip;
            Svm.ExitRecord = record;
            Svm.Exit(ExitCodes.Exception0 + vector, error ?? 0, vector == 14 ? Cr2 : 0,
                $"{EventNames.Format(EventId.Exception(vector))} intercepted ({Log[record].Cause})", intercept, returnRip);
            return;
        }
        DeliverVector(vector, error, returnRip, record, rule, rf);
    }

    /// <summary>
    /// Delivers the fault the current instruction raised; the faulting instruction's RIP is pushed,
    /// with RF set (general detect included: it is no instruction breakpoint).
    /// </summary>
    public void DeliverFault()
    {
        var f = Fault;
        var record = Raise(EventId.Exception(f.Vector), f.Cause, Rip, f.Rule);
        DeliverException(f.Vector, f.ErrorCode, Rip, record, f.Rule, Rip, FrameRf.Set);
    }

    /// <summary>
    /// Pushes the frame and enters the handler; a fault while doing so becomes #DF, one while delivering
    /// #DF a shutdown. RF changes as the delivery begins, so the state at delivery shows it, and a #DF
    /// that follows pushes the RF its fault set (Bochs' exception() sets it in RFLAGS before the push too).
    /// </summary>
    public void DeliverVector(int vector, uint? error, ulong returnRip, int record, Rule rule, FrameRf rf = FrameRf.AsItStands)
    {
        Rip = returnRip;
        ApplyFrameRf(rf);
        var atDelivery = Snapshot();
        if (TryEnterHandler(vector, error, returnRip, out var frame))
        {
            Log.Deliver(record, rule, returnRip, atDelivery, frame);
            if (vector == VectorNmi) NmiBlocked = true;
            // The INT instruction that delivered retires after its handler was entered: it is not the handler's.
            _handlers.Push((record, Instructions + (DeliveringFromInstruction ? 1 : 0)));
            return;
        }
        Log.Deliver(record, rule, returnRip, atDelivery);
        if (vector == VectorDf)
        {
            if (Svm.Intercepts(Intercept.Shutdown))
            {
                Svm.Exit(ExitCodes.Shutdown, 0, 0, "triple fault", Rules.Decide(Decision.InstructionIntercept).Rule);
                return;
            }
            End(RunEnd.Shutdown, $"triple fault: a fault while delivering #DF ({Rules.Decide(Decision.TripleFault).Rule.Id})", returnRip);
            return;
        }
        var df = Rules.Decide(Decision.DoubleFault).Rule;
        var dfRecord = Raise(EventId.Exception(VectorDf), $"fault while delivering {EventNames.Format(EventId.Exception(vector))}", returnRip, df);
        DeliverException(VectorDf, 0, returnRip, dfRecord, df, returnRip);
    }

    /// <summary>Sets or clears RF for a fault or an instruction breakpoint where the rules say so (exception.fault-sets-rf).</summary>
    private void ApplyFrameRf(FrameRf rf)
    {
        if (rf == FrameRf.AsItStands || !Rules.Decide(Decision.FaultSetsRf).Delivers) return;
        Rflags = rf == FrameRf.Set ? Rflags | FlagBits.RF : Rflags & ~FlagBits.RF;
    }

    private bool TryEnterHandler(int vector, uint? error, ulong returnRip, out InterruptFrame? frame)
    {
        frame = null;
        var gate = MachineLayout.Idt + (ulong)vector * 16;
        if (!Memory.TryRead(gate, 8, out var lo) || !Memory.TryRead(gate + 8, 8, out var hi)) return false;
        if ((lo & (1UL << 47)) == 0) return false;
        var target = (lo & 0xFFFF) | ((lo >> 32) & 0xFFFF0000) | (hi << 32);
        if (!PushFrame(returnRip, error, out frame)) return false;
        Rip = target;
        return true;
    }

    /// <summary>
    /// The long-mode interrupt frame: SS, RSP, RFLAGS, CS, RIP and the error code; a CPL 3
    /// interrupt switches to RSP0. <paramref name="pushed"/> is kept for frame assertions.
    /// </summary>
    private bool PushFrame(ulong returnRip, uint? error, out InterruptFrame? pushed)
    {
        pushed = null;
        var oldRsp = Rsp;
        var rsp = (Cpl == 0 ? Rsp : MachineLayout.KernelStackTop) & ~0xFUL;
        var ss = (ulong)Segment[2];
        var cs = (ulong)Segment[1];
        Span<ulong> frame = [ss, oldRsp, Rflags, cs, returnRip, error ?? 0];
        var count = error is null ? 5 : 6;
        var newRsp = rsp - (ulong)count * 8;
        for (var i = 0; i < count; i++)
        {
            rsp -= 8;
            if (!Memory.TryWrite(rsp, 8, frame[i]))
            {
                Cr2 = rsp;
                return false;
            }
            Cache.Invalidate(rsp, 8);
        }
        Rsp = newRsp;
        pushed = new InterruptFrame(returnRip, cs, Rflags, oldRsp, ss, error);
        Rflags &= ~(FlagBits.TF | FlagBits.RF | FlagBits.NT | FlagBits.IF);
        ForgetStartingRf();
        Cpl = 0;
        Segment[1] = 0x08;
        Segment[2] = 0x10;
        return true;
    }

    /// <summary>IRETQ: pops RIP, CS, RFLAGS, RSP, SS and ends NMI blocking; only RSM leaves SMM.</summary>
    /// <summary>Set while INT3, ICEBP or INT n delivers, since that instruction retires only after its handler is entered.</summary>
    public bool DeliveringFromInstruction;

    /// <summary>Deliveries whose handler has not returned yet, innermost on top, with the instruction count at entry.</summary>
    private readonly Stack<(int Record, long Entered)> _handlers = new();

    /// <summary>The handler on top returned (or the run ended in it): it ran the instructions retired since, <paramref name="returning"/> more.</summary>
    public void HandlerDone(int returning)
    {
        if (!_handlers.TryPop(out var h)) return;
        Log[h.Record].HandlerInstructions = Instructions + returning - h.Entered;
    }

    /// <summary>Handlers still running when the run ends count what they ran until then.</summary>
    public void HandlersAtEnd()
    {
        while (_handlers.Count > 0) HandlerDone(0);
    }

    /// <param name="returning">1 when an IRETQ instruction returns (it counts, though it has not retired yet); 0 for a handler the machine runs itself.</param>
    public bool InterruptReturn(int returning = 0)
    {
        var sp = Rsp;
        if (!TryRead(sp, 8, out var rip) || !TryRead(sp + 8, 8, out var cs) || !TryRead(sp + 16, 8, out var flags)
            || !TryRead(sp + 24, 8, out var rsp) || !TryRead(sp + 32, 8, out var ss))
            return false;
        Rip = rip;
        Segment[1] = (ushort)cs;
        Segment[2] = (ushort)ss;
        Cpl = (int)(cs & 3);
        Rflags = (Rflags & ~FlagBits.Writable) | (flags & FlagBits.Writable) | FlagBits.Fixed1;
        Rsp = rsp;
        NmiBlocked = false;
        HandlerDone(returning);
        RefreshPending();
        return true;
    }

    /// <summary>VMRUN's event injection: the event in EVENTINJ goes through the guest's IDT before its first instruction (15.20).</summary>
    public void DeliverInjected(Vmcb v)
    {
        var e = v.EventInj;
        v.EventInj = 0;
        var type = EventInj.Type(e);
        var vector = EventInj.Vector(e);
        uint? error = (e & EventInj.ErrorValid) != 0 ? (uint)(e >> 32) : null;
        var id = type switch
        {
            EventInj.TypeNmi => EventId.Nmi,
            EventInj.TypeIntr => EventId.Intr(vector),
            _ => EventId.Exception(vector),
        };
        var record = v.EventInjRecord;
        v.EventInjRecord = -1;
        var rule = record >= 0 ? Log[record].Rule : Rules.Decide(Decision.EventInjection).Rule;
        if (record < 0) record = Raise(id, "EVENTINJ", Rip, rule);
        DeliverVector(type == EventInj.TypeNmi ? VectorNmi : vector, error, Rip, record, rule);
    }
}
