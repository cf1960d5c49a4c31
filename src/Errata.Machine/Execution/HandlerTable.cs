using Errata.Machine.Core;
using Errata.Machine.Execution.Handlers;
using Iced.Intel;

namespace Errata.Machine.Execution;

internal delegate ExecResult Handler(Cpu cpu, ref Instruction insn);

/// <summary>
/// The explicit list of supported instructions: a handler per Iced <see cref="Code"/>, indexed
/// by (int)Code. Generic handlers cover every 64-bit legacy form of a mnemonic whose operands
/// are general registers, memory, immediates or near branches; system forms are listed by Code.
/// Every other slot stops the run.
/// </summary>
internal static class HandlerTable
{
    private static readonly Dictionary<Mnemonic, Handler> ByMnemonic = new()
    {
        [Mnemonic.Mov] = DataMovementHandlers.Mov,
        [Mnemonic.Movzx] = DataMovementHandlers.Movzx,
        [Mnemonic.Movsx] = DataMovementHandlers.Movsx,
        [Mnemonic.Movsxd] = DataMovementHandlers.Movsx,
        [Mnemonic.Lea] = DataMovementHandlers.Lea,
        [Mnemonic.Xchg] = DataMovementHandlers.Xchg,
        [Mnemonic.Push] = DataMovementHandlers.Push,
        [Mnemonic.Pop] = DataMovementHandlers.Pop,
        [Mnemonic.Nop] = DataMovementHandlers.Nop,
        [Mnemonic.Add] = ArithmeticHandlers.Add,
        [Mnemonic.Adc] = ArithmeticHandlers.Adc,
        [Mnemonic.Sub] = ArithmeticHandlers.Sub,
        [Mnemonic.Sbb] = ArithmeticHandlers.Sbb,
        [Mnemonic.Cmp] = ArithmeticHandlers.Cmp,
        [Mnemonic.Inc] = ArithmeticHandlers.Inc,
        [Mnemonic.Dec] = ArithmeticHandlers.Dec,
        [Mnemonic.Neg] = ArithmeticHandlers.Neg,
        [Mnemonic.Imul] = ArithmeticHandlers.Imul,
        [Mnemonic.Mul] = ArithmeticHandlers.Mul,
        [Mnemonic.Div] = ArithmeticHandlers.Div,
        [Mnemonic.Idiv] = ArithmeticHandlers.Idiv,
        [Mnemonic.And] = LogicHandlers.And,
        [Mnemonic.Or] = LogicHandlers.Or,
        [Mnemonic.Xor] = LogicHandlers.Xor,
        [Mnemonic.Test] = LogicHandlers.Test,
        [Mnemonic.Not] = LogicHandlers.Not,
        [Mnemonic.Shl] = ShiftHandlers.Shl,
        [Mnemonic.Sal] = ShiftHandlers.Shl,
        [Mnemonic.Shr] = ShiftHandlers.Shr,
        [Mnemonic.Sar] = ShiftHandlers.Sar,
        [Mnemonic.Rol] = ShiftHandlers.Rol,
        [Mnemonic.Ror] = ShiftHandlers.Ror,
        [Mnemonic.Jmp] = ControlFlowHandlers.Jmp,
        [Mnemonic.Call] = ControlFlowHandlers.Call,
        [Mnemonic.Ret] = ControlFlowHandlers.Ret,
    };

    private static readonly Dictionary<Code, Handler> ByCode = new()
    {
        [Code.Pushfq] = DataMovementHandlers.Pushfq,
        [Code.Popfq] = DataMovementHandlers.Popfq,
        [Code.Pause] = DataMovementHandlers.Nop,
        [Code.Mov_Sreg_rm16] = DataMovementHandlers.MovToSegment,
        [Code.Mov_Sreg_r32m16] = DataMovementHandlers.MovToSegment,
        [Code.Mov_Sreg_r64m16] = DataMovementHandlers.MovToSegment,
        [Code.Mov_rm16_Sreg] = DataMovementHandlers.MovFromSegment,
        [Code.Mov_r32m16_Sreg] = DataMovementHandlers.MovFromSegment,
        [Code.Mov_r64m16_Sreg] = DataMovementHandlers.MovFromSegment,
        [Code.Mov_r64_cr] = SystemHandlers.MovFromCr,
        [Code.Mov_cr_r64] = SystemHandlers.MovToCr,
        [Code.Mov_r64_dr] = SystemHandlers.MovFromDr,
        [Code.Mov_dr_r64] = SystemHandlers.MovToDr,
        [Code.Rdmsr] = SystemHandlers.Rdmsr,
        [Code.Wrmsr] = SystemHandlers.Wrmsr,
        [Code.Int3] = InterruptHandlers.Int3,
        [Code.Int1] = InterruptHandlers.Int1,
        [Code.Int_imm8] = InterruptHandlers.IntN,
        [Code.Ud2] = InterruptHandlers.Ud2,
        [Code.Iretq] = InterruptHandlers.Iretq,
        [Code.Rsm] = InterruptHandlers.Rsm,
        [Code.Cli] = InterruptHandlers.Cli,
        [Code.Sti] = InterruptHandlers.Sti,
        [Code.Hlt] = InterruptHandlers.Hlt,
        [Code.Clgi] = SvmHandlers.Clgi,
        [Code.Stgi] = SvmHandlers.Stgi,
        [Code.Vmrunq] = SvmHandlers.Vmrun,
        [Code.Vmloadq] = SvmHandlers.Vmload,
        [Code.Vmsaveq] = SvmHandlers.Vmsave,
        [Code.Vmmcall] = SvmHandlers.Vmmcall,
        [Code.In_AL_imm8] = IoHandlers.In,
        [Code.In_AX_imm8] = IoHandlers.In,
        [Code.In_EAX_imm8] = IoHandlers.In,
        [Code.In_AL_DX] = IoHandlers.In,
        [Code.In_AX_DX] = IoHandlers.In,
        [Code.In_EAX_DX] = IoHandlers.In,
        [Code.Out_imm8_AL] = IoHandlers.Out,
        [Code.Out_imm8_AX] = IoHandlers.Out,
        [Code.Out_imm8_EAX] = IoHandlers.Out,
        [Code.Out_DX_AL] = IoHandlers.Out,
        [Code.Out_DX_AX] = IoHandlers.Out,
        [Code.Out_DX_EAX] = IoHandlers.Out,
    };

    private static readonly HashSet<Code> StackAndBranchForms =
    [
        Code.Push_r64, Code.Push_rm64, Code.Pushq_imm8, Code.Pushq_imm32, Code.Pop_r64, Code.Pop_rm64,
        Code.Call_rel32_64, Code.Call_rm64, Code.Jmp_rel8_64, Code.Jmp_rel32_64, Code.Jmp_rm64,
        Code.Retnq, Code.Retnq_imm16,
    ];

    /// <summary>Operand kinds a generic handler understands.</summary>
    private static readonly HashSet<OpCodeOperandKind> GenericOperands =
    [
        OpCodeOperandKind.r8_or_mem, OpCodeOperandKind.r16_or_mem, OpCodeOperandKind.r32_or_mem, OpCodeOperandKind.r64_or_mem,
        OpCodeOperandKind.mem, OpCodeOperandKind.mem_offs,
        OpCodeOperandKind.r8_reg, OpCodeOperandKind.r8_opcode, OpCodeOperandKind.r16_reg, OpCodeOperandKind.r16_opcode,
        OpCodeOperandKind.r32_reg, OpCodeOperandKind.r32_opcode, OpCodeOperandKind.r64_reg, OpCodeOperandKind.r64_opcode,
        OpCodeOperandKind.al, OpCodeOperandKind.cl, OpCodeOperandKind.ax, OpCodeOperandKind.eax, OpCodeOperandKind.rax,
        OpCodeOperandKind.imm8, OpCodeOperandKind.imm8_const_1, OpCodeOperandKind.imm8sex16, OpCodeOperandKind.imm8sex32,
        OpCodeOperandKind.imm8sex64, OpCodeOperandKind.imm16, OpCodeOperandKind.imm32, OpCodeOperandKind.imm32sex64,
        OpCodeOperandKind.imm64, OpCodeOperandKind.br64_1, OpCodeOperandKind.br64_4,
    ];

    public static readonly Handler[] Handlers = Build(out Supported);

    public static readonly bool[] Supported;

    private static Handler[] Build(out bool[] supported)
    {
        var count = Enum.GetValues<Code>().Length;
        var handlers = new Handler[count];
        supported = new bool[count];
        for (var k = 0; k < count; k++)
        {
            var code = (Code)k;
            var handler = ByCode.GetValueOrDefault(code) ?? Generic(code);
            handlers[k] = handler ?? Unsupported;
            supported[k] = handler is not null;
        }
        return handlers;
    }

    private static Handler? Generic(Code code)
    {
        if (code == Code.INVALID) return null;
        var op = code.ToOpCode();
        if (op.Encoding != EncodingKind.Legacy || !op.Mode64) return null;
        for (var n = 0; n < op.OpCount; n++)
            if (!GenericOperands.Contains(op.GetOpKind(n))) return null;
        if (code.IsJccShortOrNear()) return op.OpCount == 1 ? ControlFlowHandlers.Jcc : null;
        // The stack and near branches are 64-bit only: their 16-bit forms are left out.
        if (code.Mnemonic() is Mnemonic.Push or Mnemonic.Pop or Mnemonic.Ret or Mnemonic.Call or Mnemonic.Jmp
            && !StackAndBranchForms.Contains(code)) return null;
        return ByMnemonic.GetValueOrDefault(code.Mnemonic());
    }

    private static ExecResult Unsupported(Cpu cpu, ref Instruction insn) => ExecResult.Unsupported;
}
