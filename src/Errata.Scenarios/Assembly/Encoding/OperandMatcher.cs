using Errata.Scenarios.Assembly.Parsing;
using Iced.Intel;

namespace Errata.Scenarios.Assembly.Encoding;

/// <summary>
/// Whether an operand as written can fill an operand kind of an encoding: first by shape
/// (register class, memory size, immediate or branch), then, once values are known, by
/// whether the number fits the immediate's width.
/// </summary>
internal static class OperandMatcher
{
    public static bool AcceptsShape(OpCodeOperandKind kind, Operand operand, Candidate candidate) => operand switch
    {
        RegisterOperand r => AcceptsRegister(kind, r.Register),
        MemoryReference m => kind is OpCodeOperandKind.mem or OpCodeOperandKind.r8_or_mem or OpCodeOperandKind.r16_or_mem
                               or OpCodeOperandKind.r32_or_mem or OpCodeOperandKind.r64_or_mem
                           && (m.Size == 0 || candidate.MemorySize == 0 || m.Size == candidate.MemorySize),
        ImmediateOperand i => kind switch
        {
            OpCodeOperandKind.br64_1 => i.Distance != JumpDistance.Near,
            OpCodeOperandKind.br64_4 => i.Distance != JumpDistance.Short,
            _ => IsImmediate(kind) && i.Distance == JumpDistance.Any,
        },
        _ => false,
    };

    public static bool IsImmediate(OpCodeOperandKind kind) =>
        kind is OpCodeOperandKind.imm8 or OpCodeOperandKind.imm8_const_1 or OpCodeOperandKind.imm8sex16
            or OpCodeOperandKind.imm8sex32 or OpCodeOperandKind.imm8sex64 or OpCodeOperandKind.imm16
            or OpCodeOperandKind.imm32 or OpCodeOperandKind.imm32sex64 or OpCodeOperandKind.imm64;

    /// <summary>
    /// NASM reads a number modulo the operand size, so <c>add eax, 0xFFFFFFFF</c> is the
    /// sign-extended imm8 -1, which is also how Iced formats that encoding back.
    /// </summary>
    public static bool ImmediateFits(OpCodeOperandKind kind, ulong value)
    {
        long v = (long)value;
        return kind switch
        {
            OpCodeOperandKind.imm8 => v is >= -128 and <= 255,
            OpCodeOperandKind.imm8_const_1 => value == 1,
            OpCodeOperandKind.imm8sex16 => v is >= short.MinValue and <= ushort.MaxValue && (short)value is >= -128 and <= 127,
            OpCodeOperandKind.imm8sex32 => v is >= int.MinValue and <= uint.MaxValue && (int)value is >= -128 and <= 127,
            OpCodeOperandKind.imm8sex64 => v is >= -128 and <= 127,
            OpCodeOperandKind.imm16 => v is >= short.MinValue and <= ushort.MaxValue,
            OpCodeOperandKind.imm32 => v is >= int.MinValue and <= uint.MaxValue,
            OpCodeOperandKind.imm32sex64 => v is >= int.MinValue and <= int.MaxValue,
            _ => true,
        };
    }

    private static bool AcceptsRegister(OpCodeOperandKind kind, Register r) => kind switch
    {
        OpCodeOperandKind.r8_or_mem or OpCodeOperandKind.r8_reg or OpCodeOperandKind.r8_opcode => r.IsGPR8(),
        OpCodeOperandKind.r16_or_mem or OpCodeOperandKind.r16_reg or OpCodeOperandKind.r16_rm or OpCodeOperandKind.r16_opcode => r.IsGPR16(),
        OpCodeOperandKind.r32_or_mem or OpCodeOperandKind.r32_reg or OpCodeOperandKind.r32_rm or OpCodeOperandKind.r32_opcode => r.IsGPR32(),
        OpCodeOperandKind.r64_or_mem or OpCodeOperandKind.r64_reg or OpCodeOperandKind.r64_rm or OpCodeOperandKind.r64_opcode => r.IsGPR64(),
        OpCodeOperandKind.seg_reg => r.IsSegmentRegister(),
        OpCodeOperandKind.cr_reg => r.IsCR(),
        OpCodeOperandKind.dr_reg => r.IsDR(),
        OpCodeOperandKind.al => r == Register.AL,
        OpCodeOperandKind.cl => r == Register.CL,
        OpCodeOperandKind.ax => r == Register.AX,
        OpCodeOperandKind.dx => r == Register.DX,
        OpCodeOperandKind.eax => r == Register.EAX,
        OpCodeOperandKind.rax => r == Register.RAX,
        OpCodeOperandKind.es => r == Register.ES,
        OpCodeOperandKind.cs => r == Register.CS,
        OpCodeOperandKind.ss => r == Register.SS,
        OpCodeOperandKind.ds => r == Register.DS,
        OpCodeOperandKind.fs => r == Register.FS,
        OpCodeOperandKind.gs => r == Register.GS,
        _ => false,
    };
}
