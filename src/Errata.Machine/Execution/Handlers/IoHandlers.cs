using Errata.Machine.Core;
using Errata.Machine.Events;
using Errata.Machine.Rules;
using Iced.Intel;

namespace Errata.Machine.Execution.Handlers;

/// <summary>
/// IN and OUT with an imm8 or DX port. No device sits on any port: IN reads all ones, as from an
/// absent ISA port, and OUT is discarded. In a guest whose VMCB intercepts the port the access
/// exits first; otherwise an enabled I/O breakpoint over the port traps after it.
/// </summary>
internal static class IoHandlers
{
    /// <summary>What IN reads from a port with no device behind it.</summary>
    public const ulong AbsentPort = ulong.MaxValue;

    public static ExecResult In(Cpu c, ref Instruction i)
    {
        if (Access(c, Port(c, i.Op1Kind, ref i), i.Op0Register.GetSize(), input: true, i.NextIP) is { } stop) return stop;
        c.WriteGpr(i.Op0Register, AbsentPort);
        return ExecResult.Next;
    }

    public static ExecResult Out(Cpu c, ref Instruction i) =>
        Access(c, Port(c, i.Op0Kind, ref i), i.Op1Register.GetSize(), input: false, i.NextIP) ?? ExecResult.Next;

    private static ushort Port(Cpu c, OpKind kind, ref Instruction i) =>
        kind == OpKind.Immediate8 ? i.Immediate8 : (ushort)c.Gpr[2];

    /// <summary>The privilege check, the IOIO intercept, then the breakpoint match; null when the access goes ahead.</summary>
    private static ExecResult? Access(Cpu c, ushort port, int size, bool input, ulong nextRip)
    {
        var what = input ? "in" : "out";
        // CPL > IOPL would consult the TSS I/O-permission bitmap, which the machine does not model.
        var iopl = (int)((c.Rflags & FlagBits.Iopl) >> FlagBits.IoplShift);
        if (c.Cpl > iopl)
            return c.RaiseFault(13, $"{what} at CPL {c.Cpl} > IOPL {iopl}", c.Rules.Decide(Decision.IoPrivilege).Rule, 0);
        // The intercept comes after the privilege checks and before the access, so before any I/O breakpoint trap.
        if (c.Svm.InterceptsIo(port, size)) return c.Svm.InterceptIo(port, size, input, what, nextRip);
        // R/W=10 is an I/O breakpoint only with CR4.DE=1; otherwise undefined (APM Vol. 2 13.1.1): the rules say whether it matches.
        if (c.Debug.IoMask != 0 && ((c.Cr4 & Cpu.Cr4De) != 0 || c.Rules.Decide(Decision.IoBreakpointWithoutDe).Delivers)
            && c.Debug.MatchIo(port, size))
            c.RaisePending(PendingEvents.DebugTrap);
        return null;
    }
}
