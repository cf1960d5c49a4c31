using Errata.Machine.Core;
using Errata.Machine.Rules;
using Iced.Intel;

namespace Errata.Machine.Execution.Handlers;

/// <summary>ADD, ADC, SUB, SBB, CMP, INC, DEC, NEG, MUL, IMUL, DIV, IDIV.</summary>
internal static class ArithmeticHandlers
{
    public static ExecResult Add(Cpu c, ref Instruction i) => Binary(c, ref i, 0);
    public static ExecResult Adc(Cpu c, ref Instruction i) => Binary(c, ref i, 1);
    public static ExecResult Sub(Cpu c, ref Instruction i) => Binary(c, ref i, 2);
    public static ExecResult Sbb(Cpu c, ref Instruction i) => Binary(c, ref i, 3);
    public static ExecResult Cmp(Cpu c, ref Instruction i) => Binary(c, ref i, 4);

    private static ExecResult Binary(Cpu c, ref Instruction i, int op)
    {
        var dst = Operands.Resolve(c, ref i, 0);
        if (!Operands.Read(c, in dst, out var a) || !Operands.ReadSource(c, ref i, 1, dst.Size, out var b)) return ExecResult.Fault;
        var carry = c.Flag(FlagBits.CF);
        var r = op switch
        {
            0 => Alu.Add(c, a, b, dst.Size),
            1 => Alu.Add(c, a, b, dst.Size, carry),
            2 or 4 => Alu.Sub(c, a, b, dst.Size),
            _ => Alu.Sub(c, a, b, dst.Size, carry),
        };
        if (op == 4) return ExecResult.Next;
        return Operands.Write(c, in dst, r) ? ExecResult.Next : ExecResult.Fault;
    }

    public static ExecResult Inc(Cpu c, ref Instruction i) => Unary(c, ref i, 0);
    public static ExecResult Dec(Cpu c, ref Instruction i) => Unary(c, ref i, 1);
    public static ExecResult Neg(Cpu c, ref Instruction i) => Unary(c, ref i, 2);

    private static ExecResult Unary(Cpu c, ref Instruction i, int op)
    {
        var dst = Operands.Resolve(c, ref i, 0);
        if (!Operands.Read(c, in dst, out var a)) return ExecResult.Fault;
        var r = op switch
        {
            0 => Alu.IncDec(c, a, dst.Size, increment: true),
            1 => Alu.IncDec(c, a, dst.Size, increment: false),
            _ => Alu.Sub(c, 0, a, dst.Size),
        };
        return Operands.Write(c, in dst, r) ? ExecResult.Next : ExecResult.Fault;
    }

    /// <summary>IMUL with two or three operands: the destination is a register, the result truncated.</summary>
    public static ExecResult Imul(Cpu c, ref Instruction i)
    {
        if (i.OpCount == 1) return WideMultiply(c, ref i, signed: true);
        var dst = Operands.Resolve(c, ref i, 0);
        var size = dst.Size;
        ulong a, b;
        if (i.OpCount == 3)
        {
            if (!Operands.ReadSource(c, ref i, 1, size, out a)) return ExecResult.Fault;
            b = i.GetImmediate(2) & Alu.Mask(size);
        }
        else if (!Operands.Read(c, in dst, out a) || !Operands.ReadSource(c, ref i, 1, size, out b)) return ExecResult.Fault;
        var product = (Int128)SignExtend(a, size) * SignExtend(b, size);
        var low = (ulong)product & Alu.Mask(size);
        Alu.MultiplyFlags(c, low, size, product != SignExtend(low, size));
        c.WriteGpr(dst.Register, low);
        return ExecResult.Next;
    }

    public static ExecResult Mul(Cpu c, ref Instruction i) => WideMultiply(c, ref i, signed: false);

    private static ExecResult WideMultiply(Cpu c, ref Instruction i, bool signed)
    {
        var src = Operands.Resolve(c, ref i, 0);
        var size = src.Size;
        if (!Operands.Read(c, in src, out var b)) return ExecResult.Fault;
        var a = c.Gpr[0] & Alu.Mask(size);
        UInt128 product = signed ? (UInt128)((Int128)SignExtend(a, size) * SignExtend(b, size)) : (UInt128)a * b;
        var bits = size * 8;
        var low = (ulong)product & Alu.Mask(size);
        var high = (ulong)(product >> bits) & Alu.Mask(size);
        var overflow = signed ? (Int128)product != SignExtend(low, size) : high != 0;
        WritePair(c, size, low, high);
        Alu.MultiplyFlags(c, low, size, overflow);
        return ExecResult.Next;
    }

    public static ExecResult Div(Cpu c, ref Instruction i) => Divide(c, ref i, signed: false);
    public static ExecResult Idiv(Cpu c, ref Instruction i) => Divide(c, ref i, signed: true);

    private static ExecResult Divide(Cpu c, ref Instruction i, bool signed)
    {
        var src = Operands.Resolve(c, ref i, 0);
        var size = src.Size;
        if (!Operands.Read(c, in src, out var divisor)) return ExecResult.Fault;
        var bits = size * 8;
        var (low, high) = size == 1
            ? (c.Gpr[0] & 0xFF, (c.Gpr[0] >> 8) & 0xFF)
            : (c.Gpr[0] & Alu.Mask(size), c.Gpr[2] & Alu.Mask(size));
        var dividend = ((UInt128)high << bits) | low;
        var fault = c.Rules.Decide(Decision.Fault).Rule;
        if (divisor == 0) return c.RaiseFault(0, "divide by zero", fault);
        ulong q, r;
        if (signed)
        {
            var n = (Int128)(dividend << (128 - 2 * bits)) >> (128 - 2 * bits);
            var d = SignExtend(divisor, size);
            var quotient = n / d;
            if (quotient > SignExtend(Alu.Sign(size) - 1, size) || quotient < -(Int128)Alu.Sign(size))
                return c.RaiseFault(0, "quotient overflow", fault);
            q = (ulong)quotient & Alu.Mask(size);
            r = (ulong)(n % d) & Alu.Mask(size);
        }
        else
        {
            var quotient = dividend / divisor;
            if (quotient > Alu.Mask(size)) return c.RaiseFault(0, "quotient overflow", fault);
            q = (ulong)quotient;
            r = (ulong)(dividend % divisor);
        }
        WritePair(c, size, q, r);
        return ExecResult.Next;
    }

    /// <summary>Writes a result pair: AL/AH for bytes, otherwise rAX/rDX at the operand size.</summary>
    private static void WritePair(Cpu c, int size, ulong first, ulong second)
    {
        if (size == 1)
        {
            c.WriteGpr(Register.AX, (first & 0xFF) | ((second & 0xFF) << 8));
            return;
        }
        var (ax, dx) = size switch
        {
            2 => (Register.AX, Register.DX),
            4 => (Register.EAX, Register.EDX),
            _ => (Register.RAX, Register.RDX),
        };
        c.WriteGpr(ax, first);
        c.WriteGpr(dx, second);
    }

    private static Int128 SignExtend(ulong v, int size) => size switch
    {
        1 => (sbyte)v,
        2 => (short)v,
        4 => (int)v,
        _ => (long)v,
    };
}
