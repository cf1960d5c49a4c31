using Errata.Machine.Core;
using Errata.Machine.Debug;
using Errata.Machine.Events;
using Errata.Machine.Execution;
using Errata.Machine.Execution.Handlers;

namespace Errata.Machine.Firmware;

/// <summary>
/// The default handlers a scenario's `handler` section replaces (docs/guide/scenarios.md), run natively when execution reaches their stubs:
/// #DB resets DR6 and returns (setting RF in the frame when an instruction breakpoint faulted,
/// as a real handler does after reading DR6 and DR7); #BP, NMI and INTR return; SMI executes RSM;
/// any other exception stops the run.
/// </summary>
internal static class DefaultHandlers
{
    public static void Run(Cpu cpu)
    {
        if (cpu.Rip == MachineLayout.SmiHandler)
        {
            // The default SMI handler is one RSM, intercepted like any other under KVM.
            if (InterruptHandlers.Rsm(cpu, cpu.Rip + 2) == ExecResult.Fault) cpu.DeliverFault();
            return;
        }
        var vector = (int)((cpu.Rip - MachineLayout.FirmwareBase) / 16);
        switch (vector)
        {
            case Cpu.VectorDb:
                if (IsInstructionBreakpoint(cpu.Debug) && !SetResumeFlag(cpu)) return;
                cpu.Debug.WriteDr6(DebugBits.Dr6ActiveLow);
                Return(cpu);
                break;
            case Cpu.VectorNmi:
            case Cpu.VectorBp:
            case >= 32:
                Return(cpu);
                break;
            default:
                cpu.TryRead(cpu.Rsp + (MachineStart.PushesErrorCode(vector) ? 8UL : 0), 8, out var at);
                cpu.End(RunEnd.Stopped, $"unhandled {EventNames.Format(EventId.Exception(vector))} at 0x{at:x}", at);
                break;
        }
    }

    /// <summary>DR6 reports an execute match: the #DB was a fault and the handler must resume with RF=1.</summary>
    private static bool IsInstructionBreakpoint(DebugUnit d)
    {
        for (var n = 0; n < 4; n++)
            if ((d.Dr6 & (1UL << n)) != 0 && DebugBits.Type(d.Dr7, n) == 0) return true;
        return false;
    }

    /// <summary>Sets RF in the frame's RFLAGS; the machine's own access, so it matches no data breakpoint.</summary>
    private static bool SetResumeFlag(Cpu cpu)
    {
        var slot = cpu.Rsp + 16;
        if (cpu.Memory.TryRead(slot, 8, out var flags) && cpu.Memory.TryWrite(slot, 8, flags | FlagBits.RF))
        {
            cpu.Cache.Invalidate(slot, 8);
            return true;
        }
        cpu.PageFault(slot, write: true);
        cpu.DeliverFault();
        return false;
    }

    private static void Return(Cpu cpu)
    {
        if (!cpu.InterruptReturn()) cpu.DeliverFault();
    }
}
