using Errata.Machine.Core;
using Iced.Intel;

namespace Errata.Machine.Execution.Handlers;

/// <summary>MOV, MOVZX, MOVSX, MOVSXD, LEA, XCHG, PUSH, POP, PUSHFQ, POPFQ, NOP, PAUSE, MOV to and from segment registers.</summary>
internal static class DataMovementHandlers
{
    public static ExecResult Mov(Cpu c, ref Instruction i)
    {
        var dst = Operands.Resolve(c, ref i, 0);
        if (!Operands.ReadSource(c, ref i, 1, dst.Size, out var v)) return ExecResult.Fault;
        return Operands.Write(c, in dst, v) ? ExecResult.Next : ExecResult.Fault;
    }

    public static ExecResult Movzx(Cpu c, ref Instruction i)
    {
        var src = Operands.Resolve(c, ref i, 1);
        if (!Operands.Read(c, in src, out var v)) return ExecResult.Fault;
        c.WriteGpr(i.Op0Register, v);
        return ExecResult.Next;
    }

    public static ExecResult Movsx(Cpu c, ref Instruction i)
    {
        var src = Operands.Resolve(c, ref i, 1);
        if (!Operands.Read(c, in src, out var v)) return ExecResult.Fault;
        var extended = src.Size switch
        {
            1 => (ulong)(long)(sbyte)v,
            2 => (ulong)(long)(short)v,
            4 => (ulong)(long)(int)v,
            _ => v,
        };
        c.WriteGpr(i.Op0Register, extended);
        return ExecResult.Next;
    }

    public static ExecResult Lea(Cpu c, ref Instruction i)
    {
        c.WriteGpr(i.Op0Register, Operands.EffectiveAddress(c, ref i));
        return ExecResult.Next;
    }

    public static ExecResult Xchg(Cpu c, ref Instruction i)
    {
        var a = Operands.Resolve(c, ref i, 0);
        var b = Operands.Resolve(c, ref i, 1);
        if (!Operands.Read(c, in a, out var va) || !Operands.Read(c, in b, out var vb)) return ExecResult.Fault;
        if (!Operands.Write(c, in a, vb) || !Operands.Write(c, in b, va)) return ExecResult.Fault;
        return ExecResult.Next;
    }

    public static ExecResult Push(Cpu c, ref Instruction i)
    {
        if (!Operands.ReadSource(c, ref i, 0, 8, out var v)) return ExecResult.Fault;
        return c.Push(v) ? ExecResult.Next : ExecResult.Fault;
    }

    public static ExecResult Pop(Cpu c, ref Instruction i)
    {
        if (!c.TryRead(c.Rsp, 8, out var v)) return ExecResult.Fault;
        c.Rsp += 8;
        // POP computes a memory destination with the incremented RSP (APM Vol. 3 POP).
        var dst = Operands.Resolve(c, ref i, 0);
        if (Operands.Write(c, in dst, v)) return ExecResult.Next;
        c.Rsp -= 8;
        return ExecResult.Fault;
    }

    /// <summary>PUSHFQ pushes RFLAGS with RF cleared.</summary>
    public static ExecResult Pushfq(Cpu c, ref Instruction i) =>
        c.Push(c.Rflags & ~FlagBits.RF) ? ExecResult.Next : ExecResult.Fault;

    /// <summary>POPFQ: RF stays clear; at CPL 3 (IOPL 0) IF is left unchanged.</summary>
    public static ExecResult Popfq(Cpu c, ref Instruction i)
    {
        if (!c.Pop(out var v)) return ExecResult.Fault;
        var writable = FlagBits.Writable & ~FlagBits.RF;
        if (c.Cpl != 0) writable &= ~FlagBits.IF;
        c.Rflags = (c.Rflags & ~writable) | (v & writable) | FlagBits.Fixed1;
        return ExecResult.Next;
    }

    public static ExecResult Nop(Cpu c, ref Instruction i) => ExecResult.Next;

    /// <summary>MOV to SS opens the MOV SS shadow (APM 8.5); selectors load without descriptor checks (flat long mode).</summary>
    public static ExecResult MovToSegment(Cpu c, ref Instruction i)
    {
        if (i.Op0Register == Register.CS)
            return c.RaiseFault(6, "mov to cs", c.Rules.Decide(Rules.Decision.Fault).Rule);
        var src = Operands.Resolve(c, ref i, 1);
        if (src.IsMemory) src = new Location(src.Address, 2);
        if (!Operands.Read(c, in src, out var v)) return ExecResult.Fault;
        var seg = i.Op0Register - Register.ES;
        c.Segment[seg] = (ushort)v;
        if (i.Op0Register != Register.SS) return ExecResult.Next;
        c.OpenShadow(ShadowKind.MovSs);
        // Its own single-step trap is held by the shadow, or, where the rules say so, never taken.
        if (c.Rules.Decide(Rules.Decision.MovSsDropsSingleStep).Delivers) c.TrapArmed = false;
        return ExecResult.Next;
    }

    public static ExecResult MovFromSegment(Cpu c, ref Instruction i)
    {
        var dst = Operands.Resolve(c, ref i, 0);
        if (dst.IsMemory) dst = new Location(dst.Address, 2);
        var v = (ulong)c.Segment[i.Op1Register - Register.ES];
        return Operands.Write(c, in dst, v) ? ExecResult.Next : ExecResult.Fault;
    }
}
