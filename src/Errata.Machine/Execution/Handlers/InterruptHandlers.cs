using Errata.Machine.Core;
using Errata.Machine.Debug;
using Errata.Machine.Events;
using Errata.Machine.Rules;
using Errata.Machine.Svm;
using Iced.Intel;

namespace Errata.Machine.Execution.Handlers;

/// <summary>INT3, INT1 (ICEBP), INT n, UD2, IRETQ, RSM, CLI, STI, HLT.</summary>
internal static class InterruptHandlers
{
    /// <summary>
    /// #BP is a trap: RIP after INT3 is pushed, but an intercept reports the INT3 itself (15.12). A
    /// processor whose rules treat INT3 as a software interrupt checks the INTn intercept instead of
    /// the exception bitmap.
    /// </summary>
    public static ExecResult Int3(Cpu c, ref Instruction i)
    {
        var rule = c.Rules.Decide(Decision.Int3).Rule;
        var asException = c.Rules.Decide(Decision.Int3InterceptedAsException);
        if (!asException.Delivers)
        {
            if (c.Svm.Intercepts(Intercept.IntN)) return c.Svm.InterceptInstruction(ExitCodes.Swint, 0, "int3", i.NextIP);
            // The bitmap would intercept the #BP: the rule that keeps it from doing so decides the delivery.
            if (c.Svm.InterceptsException(Cpu.VectorBp)) rule = asException.Rule;
        }
        var record = c.Raise(EventId.Exception(Cpu.VectorBp), "int3", i.IP, rule);
        return DeliverRaisedTrap(c, Cpu.VectorBp, i.NextIP, record, rule, asException.Delivers ? i.IP : null);
    }

    /// <summary>UD2 raises #UD, a fault at the UD2 (APM Vol. 3 UD2).</summary>
    public static ExecResult Ud2(Cpu c, ref Instruction i) =>
        c.RaiseFault(6, "ud2", c.Rules.Decide(Decision.Fault).Rule);

    /// <summary>
    /// ICEBP: a #DB trap with no DR6 bit, not caught by the #DB exception intercept, only by the ICEBP
    /// intercept. A processor whose rules discard it does not decode F1: #UD, before any intercept.
    /// </summary>
    public static ExecResult Int1(Cpu c, ref Instruction i)
    {
        var icebp = c.Rules.Decide(Decision.Icebp);
        if (!icebp.Delivers) return c.RaiseFault(6, "icebp not decoded", icebp.Rule);
        if (c.Svm.Intercepts(Intercept.Icebp)) return c.Svm.InterceptInstruction(ExitCodes.Icebp, 0, "icebp", i.NextIP);
        var rule = icebp.Rule;
        var cause = "icebp";
        var merge = c.Rules.Decide(Decision.IcebpMergesHeldTraps);
        // Traps a MOV SS shadow held until after this instruction go out with its #DB (debug.c MOV SS + ICEBP).
        if (merge.Delivers && c.InShadow(ShadowKind.MovSs) && (c.Pending & PendingEvents.DebugTrap) != 0
            && BoundaryArbiter.TakeTraps(c, c.LastRip, out var matches, out var step, out _))
        {
            c.Debug.Report(matches, step ? DebugBits.Dr6BS : 0);
            cause = $"icebp, with the held {BoundaryArbiter.DescribeTraps(c, matches, step)}";
            rule = merge.Rule;
        }
        var record = c.Raise(EventId.DebugException, cause, i.IP, rule);
        return DeliverRaisedTrap(c, Cpu.VectorDb, i.NextIP, record, rule);
    }

    public static ExecResult IntN(Cpu c, ref Instruction i)
    {
        if (c.Svm.Intercepts(Intercept.IntN)) return c.Svm.InterceptInstruction(ExitCodes.Swint, i.Immediate8, "int n", i.NextIP);
        var vector = (int)i.Immediate8;
        var rule = c.Rules.Decide(Decision.IntN).Rule;
        var id = vector < 32 ? EventId.Exception(vector) : EventId.Intr(vector);
        var record = c.Raise(id, $"int 0x{vector:x}", i.IP, rule);
        return DeliverRaisedTrap(c, vector, i.NextIP, record, rule);
    }

    /// <summary>
    /// Delivers the trap INT3, ICEBP or INT n raised, with <paramref name="nextRip"/> pushed and no
    /// single-step trap of its own: through the exception bitmap, whose #VMEXIT reports
    /// <paramref name="interceptRip"/>, when one is given; otherwise (an event the bitmap does not
    /// see) straight to the IDT.
    /// </summary>
    private static ExecResult DeliverRaisedTrap(Cpu c, int vector, ulong nextRip, int record, Rule rule, ulong? interceptRip = null)
    {
        c.TrapArmed = false;
        c.DeliveringFromInstruction = true;
        if (interceptRip is { } at) c.DeliverException(vector, null, nextRip, record, rule, at);
        else c.DeliverVector(vector, null, nextRip, record, rule);
        c.DeliveringFromInstruction = false;
        return ExecResult.Jump;
    }

    public static ExecResult Iretq(Cpu c, ref Instruction i) =>
        c.InterruptReturn(returning: 1) ? ExecResult.Jump : ExecResult.Fault;

    public static ExecResult Rsm(Cpu c, ref Instruction i) => Rsm(c, i.NextIP);

    /// <summary>RSM: intercepted (exit 73h, as KVM does for its guests), else back from SMM (#UD outside it).</summary>
    public static ExecResult Rsm(Cpu c, ulong nextRip) =>
        c.Svm.Intercepts(Intercept.Rsm) ? c.Svm.InterceptInstruction(ExitCodes.Rsm, 0, "rsm", nextRip) : c.ResumeFromSmm();

    public static ExecResult Cli(Cpu c, ref Instruction i)
    {
        if (c.Cpl != 0) return SystemHandlers.Privileged(c, "cli");
        c.Rflags &= ~FlagBits.IF;
        return ExecResult.Next;
    }

    /// <summary>STI opens a shadow only when it changes IF from 0 to 1.</summary>
    public static ExecResult Sti(Cpu c, ref Instruction i)
    {
        if (c.Cpl != 0) return SystemHandlers.Privileged(c, "sti");
        if (!c.Flag(FlagBits.IF)) c.OpenShadow(ShadowKind.Sti);
        c.Rflags |= FlagBits.IF;
        // The shadow holds interrupts, not STI's own single-step trap; where the rules say so it takes none.
        if (c.TrapArmed && !c.Rules.Decide(Decision.StiSingleStep).Delivers) c.TrapArmed = false;
        return ExecResult.Next;
    }

    public static ExecResult Hlt(Cpu c, ref Instruction i)
    {
        if (c.Cpl != 0) return SystemHandlers.Privileged(c, "hlt");
        if (c.Svm.Intercepts(Intercept.Hlt)) return c.Svm.InterceptInstruction(ExitCodes.Hlt, 0, "hlt", i.NextIP);
        return ExecResult.Halt;
    }
}
