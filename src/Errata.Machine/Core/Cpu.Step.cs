using Errata.Machine.Events;
using Errata.Machine.Execution;
using Errata.Machine.Firmware;
using Errata.Machine.Rules;
using Errata.Machine.Tracing;

namespace Errata.Machine.Core;

/// <summary>
/// The step loop: test the events-pending word, fetch from the decoded-instruction cache,
/// dispatch through the handler table, commit RIP, note single-step traps.
/// </summary>
internal sealed partial class Cpu
{
    /// <summary>Deliveries in a row without an instruction retiring before the run is declared stuck.</summary>
    private const int MaxDeliveriesWithoutProgress = 256;

    /// <summary>TF was set when the current instruction started: it traps when it completes.</summary>
    public bool TrapArmed;

    public Tracer? Tracer;

    public IReadOnlyList<Injection> Injections = [];

    public void Run(long budget)
    {
        var handlers = HandlerTable.Handlers;
        var stalled = 0;
        while (Ended is null)
        {
            if (Pending != 0 && BoundaryArbiter.AtBoundary(this, halted: false))
            {
                if (++stalled > MaxDeliveriesWithoutProgress)
                    End(RunEnd.Stopped, "events delivered repeatedly without an instruction completing", Rip);
                continue;
            }
            if (Instructions >= budget)
            {
                End(RunEnd.BudgetExceeded, $"budget of {budget} instructions exhausted", Rip);
                break;
            }
            var rip = Rip;
            ref var insn = ref Cache.Lookup(rip, out var state);
            if (state != DecodedCache.Ready)
            {
                if (FetchSlow(rip, state)) stalled = 0;
                continue;
            }
            stalled = 0;
            Tracer?.Step(this, in insn);
            TrapArmed = (Rflags & FlagBits.TF) != 0;
            Rflags &= ~FlagBits.RF;
            switch (handlers[(int)insn.Code](this, ref insn))
            {
                case ExecResult.Next:
                    Rip = insn.NextIP;
                    Retire(rip);
                    break;
                case ExecResult.Jump:
                    Retire(rip);
                    break;
                case ExecResult.Fault:
                    DeliverFault();
                    break;
                case ExecResult.Halt:
                    Rip = insn.NextIP;
                    Retire(rip);
                    Halt();
                    break;
                case ExecResult.Unsupported:
                    End(RunEnd.Stopped, $"unsupported instruction '{Tracer.Format(in insn)}' at 0x{rip:x}", rip);
                    break;
            }
        }
    }

    private void Retire(ulong rip)
    {
        LastRip = rip;
        Instructions++;
        if (TrapArmed) ArmSingleStep();
    }

    public void ArmSingleStep()
    {
        Debug.PendingSingleStep = true;
        Pending |= PendingEvents.DebugTrap;
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
        Pending = Debug.ExecuteMask != 0 ? Pending | PendingEvents.CodeBreakpoints : Pending & ~PendingEvents.CodeBreakpoints;
        var virq = Svm.GuestMode && (Svm.Active!.IntCtl & Errata.Machine.Svm.IntCtlBits.VIrq) != 0;
        Pending = virq ? Pending | PendingEvents.VirtualIntr : Pending & ~PendingEvents.VirtualIntr;
    }
}
