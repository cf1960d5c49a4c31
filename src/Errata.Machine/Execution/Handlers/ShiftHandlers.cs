using Errata.Machine.Core;
using Iced.Intel;

namespace Errata.Machine.Execution.Handlers;

/// <summary>SHL/SAL, SHR, SAR, ROL, ROR by 1, an immediate or CL.</summary>
internal static class ShiftHandlers
{
    public static ExecResult Shl(Cpu c, ref Instruction i) => Shift(c, ref i, ShiftKind.Shl);
    public static ExecResult Shr(Cpu c, ref Instruction i) => Shift(c, ref i, ShiftKind.Shr);
    public static ExecResult Sar(Cpu c, ref Instruction i) => Shift(c, ref i, ShiftKind.Sar);
    public static ExecResult Rol(Cpu c, ref Instruction i) => Shift(c, ref i, ShiftKind.Rol);
    public static ExecResult Ror(Cpu c, ref Instruction i) => Shift(c, ref i, ShiftKind.Ror);

    private static ExecResult Shift(Cpu c, ref Instruction i, ShiftKind kind)
    {
        var dst = Operands.Resolve(c, ref i, 0);
        if (!Operands.Read(c, in dst, out var a)) return ExecResult.Fault;
        var count = i.GetOpKind(1) == OpKind.Register ? (int)(c.Gpr[1] & 0xFF) : (int)i.GetImmediate(1);
        var r = Alu.Shift(c, kind, a, count, dst.Size);
        return Operands.Write(c, in dst, r) ? ExecResult.Next : ExecResult.Fault;
    }
}
