using Errata.Machine.Core;
using Iced.Intel;

namespace Errata.Machine.Execution.Handlers;

/// <summary>AND, OR, XOR, TEST, NOT.</summary>
internal static class LogicHandlers
{
    public static ExecResult And(Cpu c, ref Instruction i) => Binary(c, ref i, 0);
    public static ExecResult Or(Cpu c, ref Instruction i) => Binary(c, ref i, 1);
    public static ExecResult Xor(Cpu c, ref Instruction i) => Binary(c, ref i, 2);
    public static ExecResult Test(Cpu c, ref Instruction i) => Binary(c, ref i, 3);

    private static ExecResult Binary(Cpu c, ref Instruction i, int op)
    {
        var dst = Operands.Resolve(c, ref i, 0);
        if (!Operands.Read(c, in dst, out var a) || !Operands.ReadSource(c, ref i, 1, dst.Size, out var b)) return ExecResult.Fault;
        var r = Alu.Logic(c, op switch { 1 => a | b, 2 => a ^ b, _ => a & b }, dst.Size);
        if (op == 3) return ExecResult.Next;
        return Operands.Write(c, in dst, r) ? ExecResult.Next : ExecResult.Fault;
    }

    public static ExecResult Not(Cpu c, ref Instruction i)
    {
        var dst = Operands.Resolve(c, ref i, 0);
        if (!Operands.Read(c, in dst, out var a)) return ExecResult.Fault;
        return Operands.Write(c, in dst, ~a & Alu.Mask(dst.Size)) ? ExecResult.Next : ExecResult.Fault;
    }
}
