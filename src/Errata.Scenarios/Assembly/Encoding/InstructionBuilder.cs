using Errata.Scenarios.Assembly.Parsing;
using Iced.Intel;

namespace Errata.Scenarios.Assembly.Encoding;

/// <summary>Fills an Iced instruction for one candidate from the written operands and their values this pass.</summary>
internal static class InstructionBuilder
{
    public static Instruction Build(Candidate candidate, InstructionStatement statement, ReadOnlySpan<ulong> values)
    {
        var instruction = new Instruction { Code = candidate.Code };
        int written = 0;
        bool immediateSeen = false;
        for (int k = 0; k < candidate.Kinds.Length; k++)
        {
            var kind = candidate.Kinds[k];
            if (candidate.IsString)
            {
                SetStringOperand(ref instruction, k, kind);
                continue;
            }
            var value = values[written];
            switch (statement.Operands[written++])
            {
                case RegisterOperand r:
                    instruction.SetOpKind(k, OpKind.Register);
                    instruction.SetOpRegister(k, r.Register);
                    break;
                case MemoryReference m:
                    instruction.SetOpKind(k, OpKind.Memory);
                    SetMemory(ref instruction, m, value);
                    break;
                case ImmediateOperand when kind is OpCodeOperandKind.br64_1 or OpCodeOperandKind.br64_4:
                    instruction.SetOpKind(k, OpKind.NearBranch64);
                    instruction.NearBranch64 = value;
                    break;
                default:
                    instruction.SetOpKind(k, ImmediateKind(kind, immediateSeen));
                    instruction.SetImmediate(k, value);
                    immediateSeen = true;
                    break;
            }
        }
        instruction.HasLockPrefix = statement.Prefix == InstructionPrefix.Lock;
        instruction.HasRepPrefix = statement.Prefix == InstructionPrefix.Rep;
        instruction.HasRepnePrefix = statement.Prefix == InstructionPrefix.Repne;
        return instruction;
    }

    /// <summary>
    /// Iced's conventions: RIP-relative keeps the absolute target in the displacement;
    /// a displacement size of 1 lets the encoder pick disp8 or disp32; 8 (or 4) marks an
    /// absolute 64-bit (32-bit) address with no base.
    /// </summary>
    private static void SetMemory(ref Instruction instruction, MemoryReference m, ulong displacement)
    {
        bool addr32 = m.Base.IsGPR32() || m.Index.IsGPR32();
        instruction.SegmentPrefix = m.Segment;
        instruction.MemoryBase = m.IsRelative ? Register.RIP : m.Base;
        instruction.MemoryIndex = m.Index;
        instruction.MemoryIndexScale = m.Scale;
        instruction.MemoryDisplacement64 = addr32 ? (uint)displacement : displacement;
        instruction.MemoryDisplSize = m.IsRelative || m.Base == Register.None ? (addr32 ? 4 : 8)
            : displacement == 0 ? 0 : 1;
    }

    /// <summary>String instructions' operands are all implicit, with 64-bit addressing.</summary>
    private static void SetStringOperand(ref Instruction instruction, int k, OpCodeOperandKind kind)
    {
        var memory = kind switch
        {
            OpCodeOperandKind.seg_rSI => OpKind.MemorySegRSI,
            OpCodeOperandKind.es_rDI => OpKind.MemoryESRDI,
            OpCodeOperandKind.seg_rDI => OpKind.MemorySegRDI,
            _ => OpKind.Register,
        };
        instruction.SetOpKind(k, memory);
        if (memory == OpKind.Register)
            instruction.SetOpRegister(k, kind switch
            {
                OpCodeOperandKind.al => Register.AL,
                OpCodeOperandKind.ax => Register.AX,
                OpCodeOperandKind.eax => Register.EAX,
                OpCodeOperandKind.rax => Register.RAX,
                _ => Register.DX,
            });
    }

    private static OpKind ImmediateKind(OpCodeOperandKind kind, bool second) => kind switch
    {
        OpCodeOperandKind.imm8 or OpCodeOperandKind.imm8_const_1 => second ? OpKind.Immediate8_2nd : OpKind.Immediate8,
        OpCodeOperandKind.imm8sex16 => OpKind.Immediate8to16,
        OpCodeOperandKind.imm8sex32 => OpKind.Immediate8to32,
        OpCodeOperandKind.imm8sex64 => OpKind.Immediate8to64,
        OpCodeOperandKind.imm16 => OpKind.Immediate16,
        OpCodeOperandKind.imm32 => OpKind.Immediate32,
        OpCodeOperandKind.imm32sex64 => OpKind.Immediate32to64,
        _ => OpKind.Immediate64,
    };
}
