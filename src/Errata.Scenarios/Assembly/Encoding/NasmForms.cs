using Errata.Scenarios.Assembly.Parsing;
using Iced.Intel;

namespace Errata.Scenarios.Assembly.Encoding;

/// <summary>
/// Where NASM's choice of encoding is not simply the shortest of the written form, so the
/// bytes match what NASM emits: equivalent forms it prefers, and operand orders it accepts.
/// </summary>
public static class NasmForms
{
    /// <summary>
    /// <c>xchg rax, rbx</c> is NASM's <c>90+r</c> form, which Iced lists only as
    /// <c>xchg r, rax</c>: put the accumulator second.
    /// </summary>
    public static IReadOnlyList<Operand> Normalize(Candidate[] candidates, List<Operand> operands)
    {
        if (operands is [RegisterOperand { Register: Register.AX or Register.EAX or Register.RAX } accumulator, RegisterOperand other]
            && other.Register != accumulator.Register && candidates[0].Code.Mnemonic() == Mnemonic.Xchg)
            return [other, accumulator];
        return operands;
    }

    /// <summary>
    /// Forms NASM emits instead of the written one: <c>mov r64, imm</c> with imm in
    /// 0..0xFFFFFFFF as <c>mov r32, imm32</c> (B8+r, zero-extending), and <c>mov sreg, r16</c>
    /// without the 66h prefix (8E /r, which Iced calls <c>mov sreg, r32</c>).
    /// </summary>
    public static bool TryEquivalent(Instruction chosen, out Instruction equivalent)
    {
        equivalent = default;
        switch (chosen.Code)
        {
            case Code.Mov_r64_imm64 or Code.Mov_rm64_imm32 when chosen.Op0Kind == OpKind.Register && chosen.GetImmediate(1) <= uint.MaxValue:
                equivalent = Instruction.Create(Code.Mov_r32_imm32, chosen.Op0Register.GetFullRegister32(), (uint)chosen.GetImmediate(1));
                return true;
            case Code.Mov_Sreg_rm16 when chosen.Op1Kind == OpKind.Register:
                equivalent = Instruction.Create(Code.Mov_Sreg_r32m16, chosen.Op0Register, chosen.Op1Register.GetFullRegister32());
                return true;
            default:
                return false;
        }
    }
}
