using System.Diagnostics;
using Errata.Machine.Events;
using Errata.Machine.Execution;
using Errata.Machine.Firmware;
using Errata.Machine.Rules;
using Errata.Machine.Tracing;

namespace Errata.Machine.Core;

/// <summary>
/// The step loop: test the events-pending word, fetch from the decoded-instruction cache,
/// run a fast form inline or dispatch through the handler table, commit RIP, note single-step traps.
/// </summary>
internal sealed partial class Cpu
{
    /// <summary>Deliveries or fetch attempts in a row without an instruction retiring before the run is declared stuck.</summary>
    private const int MaxDeliveriesWithoutProgress = 256;

    /// <summary>
    /// Instructions between two looks at the wall clock. The loop already stops at an instruction
    /// limit for the budget; lowering that limit to the next slice makes the clock cost one
    /// timestamp per slice, not a test per instruction.
    /// </summary>
    private const long ClockSlice = 1 << 16;

    /// <summary>TF was set when the current instruction started: it traps when it completes.</summary>
    public bool TrapArmed;

    public Tracer? Tracer;

    public IReadOnlyList<Injection> Injections = [];

    /// <summary>Runs until the run ends, the budget is spent, or <paramref name="deadline"/> (a <see cref="Stopwatch"/> timestamp) passes.</summary>
    public void Run(long budget, long deadline)
    {
        var stalled = 0;
        var limit = NextLimit(budget);
        DecodedCache.Page? page = null;
        var pageBase = ulong.MaxValue;
        while (Ended is null)
        {
            if ((Pending != 0 || Instructions >= limit) && AtBoundary(budget, deadline, ref limit, ref stalled)) continue;
            var rip = Rip;
            var offset = rip - pageBase;
            if (offset >= DecodedCache.PageSize)
            {
                page = Cache.PageAt(rip, out pageBase);
                offset = rip - pageBase;
            }
            var state = page is null ? (byte)0 : page.State[offset];
            ref var slot = ref page is null ? ref Cache.Lookup(rip, out state) : ref page.Slots[offset];
            if (state != DecodedCache.Ready)
            {
                if (FetchSlow(rip, state)) stalled = 0;
                else if (++stalled > MaxDeliveriesWithoutProgress)
                    End(RunEnd.Stopped, $"no instruction could be fetched at 0x{Rip:x}", Rip);
                pageBase = ulong.MaxValue;
                continue;
            }
            stalled = 0;
            Tracer?.Step(this, in slot.Insn);
            if ((_flags & (FlagBits.TF | FlagBits.RF)) != 0) StartTracedOrResumed();
            if (slot.Form != FastForm.None)
            {
                Rip = FastForms.Execute(this, ref slot);
                Retire(rip);
                // Fast forms touch no memory and change neither TF, the trace nor how the run ends,
                // so nothing can become pending: run the following ones straight from this page.
                if (Pending == 0 && Tracer is null && (_flags & FlagBits.TF) == 0)
                    RunFastChain(page!, pageBase, limit);
                continue;
            }
            var result = slot.Run(this, ref slot.Insn);
            if (result == ExecResult.Next)
            {
                Rip = slot.Next;
                Retire(rip);
                continue;
            }
            Complete(result, rip, ref slot);
        }
    }

    /// <summary>Runs consecutive fast forms of one page up to the instruction limit, then commits RIP and the count.</summary>
    private void RunFastChain(DecodedCache.Page page, ulong pageBase, long until)
    {
        var rip = Rip;
        var last = LastRip;
        var count = 0L;
        var limit = until - Instructions;
        var state = page.State;
        var slots = page.Slots;
        while (count < limit)
        {
            var offset = rip - pageBase;
            if (offset >= DecodedCache.PageSize || state[offset] != DecodedCache.Ready) break;
            ref var next = ref slots[offset];
            if (next.Form == FastForm.None) break;
            last = rip;
            rip = FastForms.Execute(this, ref next);
            count++;
        }
        Rip = rip;
        LastRip = last;
        Instructions += count;
    }

    /// <summary>The boundary work, the budget and the clock, off the hot path; true when the loop must look again.</summary>
    private bool AtBoundary(long budget, long deadline, ref long limit, ref int stalled)
    {
        if (Pending != 0 && BoundaryArbiter.AtBoundary(this, halted: false))
        {
            if (++stalled > MaxDeliveriesWithoutProgress)
                End(RunEnd.Stopped, "events delivered repeatedly without an instruction completing", Rip);
            return true;
        }
        if (Instructions < limit) return false;
        if (Instructions >= budget)
        {
            End(RunEnd.BudgetExceeded, $"budget of {budget} instructions exhausted", Rip);
            return true;
        }
        if (Stopwatch.GetTimestamp() >= deadline)
        {
            End(RunEnd.TimedOut, $"wall-clock limit reached after {Instructions} instructions", Rip);
            return true;
        }
        limit = NextLimit(budget);
        return false;
    }

    private long NextLimit(long budget) => Math.Min(budget, Instructions + ClockSlice);

    /// <summary>
    /// TF at the start arms a single-step trap; RF is cleared as the instruction starts (it suppressed
    /// the breakpoint check already), or, where the rules keep it through an exception, when the
    /// instruction completes.
    /// </summary>
    private void StartTracedOrResumed()
    {
        TrapArmed = (Rflags & FlagBits.TF) != 0;
        if ((Rflags & FlagBits.RF) == 0) return;
        (RfClearedAt, RfClearedRip) = (Instructions, Rip);
        if (_rfKeptThroughException) _rfClearsAtRetire = true;
        else Rflags &= ~FlagBits.RF;
    }

    /// <summary>RF stays set until its instruction completes normally (qemu.rf-kept-until-the-block-ends).</summary>
    private readonly bool _rfKeptThroughException;

    /// <summary>The current instruction started with an RF it keeps until it retires.</summary>
    private bool _rfClearsAtRetire;

    /// <summary>The instruction loaded a whole new RFLAGS (an exception frame, VMRUN, SMM): the RF it started with is gone.</summary>
    public void ForgetStartingRf() => _rfClearsAtRetire = false;

    /// <summary>The instruction (count and RIP) that started with RF=1 and cleared it; an intercept saves it back.</summary>
    public long RfClearedAt = -1;
    public ulong RfClearedRip;

    private void Complete(ExecResult result, ulong rip, ref DecodedSlot slot)
    {
        switch (result)
        {
            case ExecResult.Jump:
                Retire(rip);
                break;
            case ExecResult.Fault:
                TrapArmed = false;
                DeliverFault();
                break;
            case ExecResult.Halt:
                Rip = slot.Next;
                // A HLT does not end its translation block normally: where RF is kept, it halts with RF set.
                ForgetStartingRf();
                Retire(rip);
                Halt();
                break;
            case ExecResult.Unsupported:
                TrapArmed = false;
                End(RunEnd.Stopped, $"unsupported instruction '{Tracer.Format(in slot.Insn)}' at 0x{rip:x}", rip);
                break;
        }
    }

    private void Retire(ulong rip)
    {
        LastRip = rip;
        Instructions++;
        if (_rfClearsAtRetire)
        {
            _rfClearsAtRetire = false;
            Rflags &= ~FlagBits.RF;
        }
        if (!TrapArmed) return;
        TrapArmed = false;
        ArmSingleStep();
    }

    public void ArmSingleStep()
    {
        Debug.PendingSingleStep = true;
        RaisePending(PendingEvents.DebugTrap);
    }

    /// <summary>HLT: wait for an event that can be taken now; with none, nothing can ever wake the processor.</summary>
    private void Halt()
    {
        if (Pending != 0 && BoundaryArbiter.AtBoundary(this, halted: true)) return;
        End(RunEnd.Halted, null, Rip);
    }

    /// <summary>The cache missed: run a default handler, fire injections, decode, or fault on the fetch. True when progress was made.</summary>
    private bool FetchSlow(ulong rip, byte state)
    {
        if (MachineLayout.IsFirmware(rip))
        {
            Instructions++;
            DefaultHandlers.Run(this);
            return true;
        }
        if ((state & DecodedCache.InjectionHere) != 0)
        {
            Cache.ClearInjection(rip);
            foreach (var injection in Injections)
                if (injection.Address == rip)
                    Platform.Signal(injection.Event, $"injected at 0x{rip:x}", rip);
            return false;
        }
        if (!Cache.Decode(rip, out var invalid))
        {
            PageFault(rip, write: false, fetch: true);
            DeliverFault();
            return false;
        }
        if (invalid)
        {
            RaiseFault(6, $"invalid opcode at 0x{rip:x}", Rules.Decide(Decision.Fault).Rule);
            DeliverFault();
        }
        return false;
    }

    /// <summary>Recomputes the persistent bits of the pending word from the state they watch.</summary>
    public void RefreshPending()
    {
        SetPending(PendingEvents.CodeBreakpoints, Debug.ExecuteMask != 0);
        var virq = Svm.GuestMode && (Svm.Active!.IntCtl & Errata.Machine.Svm.IntCtlBits.VIrq) != 0;
        SetPending(PendingEvents.VirtualIntr, virq);
    }
}
