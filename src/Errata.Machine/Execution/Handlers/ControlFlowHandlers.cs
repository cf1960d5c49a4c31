using Errata.Machine.Core;
using Iced.Intel;

namespace Errata.Machine.Execution.Handlers;

/// <summary>JMP, Jcc, CALL, RET (near, 64-bit).</summary>
internal static class ControlFlowHandlers
{
    public static ExecResult Jmp(Cpu c, ref Instruction i)
    {
        if (!Target(c, ref i, out var target)) return ExecResult.Fault;
        c.Rip = target;
        return ExecResult.Jump;
    }

    public static ExecResult Jcc(Cpu c, ref Instruction i)
    {
        c.Rip = Alu.Condition(c.Rflags, i.ConditionCode) ? i.NearBranch64 : i.NextIP;
        return ExecResult.Jump;
    }

    public static ExecResult Call(Cpu c, ref Instruction i)
    {
        if (!Target(c, ref i, out var target) || !c.Push(i.NextIP)) return ExecResult.Fault;
        c.Rip = target;
        return ExecResult.Jump;
    }

    public static ExecResult Ret(Cpu c, ref Instruction i)
    {
        if (!c.Pop(out var target)) return ExecResult.Fault;
        if (i.OpCount == 1) c.Rsp += i.GetImmediate(0);
        c.Rip = target;
        return ExecResult.Jump;
    }

    private static bool Target(Cpu c, ref Instruction i, out ulong target)
    {
        if (i.Op0Kind == OpKind.NearBranch64)
        {
            target = i.NearBranch64;
            return true;
        }
        return Operands.Read(c, Operands.Resolve(c, ref i, 0), out target);
    }
}
