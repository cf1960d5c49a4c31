using Errata.Scenarios.Assembly.Parsing;
using Iced.Intel;

namespace Errata.Scenarios.Assembly.Encoding;

/// <summary>
/// Where NASM's choice of encoding is not simply the shortest of the written form, so the
/// bytes match what NASM emits: equivalent forms it prefers, and operand orders it accepts.
/// </summary>
internal static class NasmForms
{
    /// <summary>
    /// Operand orders and short forms NASM accepts that Iced's tables list differently.
    /// <c>xchg a, b</c> with two registers puts a in ModRM.reg (Iced's second operand), and
    /// with an accumulator uses <c>90+r</c>, which Iced lists only as <c>xchg r, rax</c>;
    /// <c>xchg r, [m]</c> and <c>test r, [m]</c> are the <c>r/m, r</c> forms;
    /// <c>imul r, imm</c> is <c>imul r, r, imm</c>.
    /// </summary>
    public static IReadOnlyList<Operand> Normalize(Candidate[] candidates, List<Operand> operands)
    {
        var mnemonic = candidates[0].Code.Mnemonic();
        switch (operands)
        {
            case [RegisterOperand a, RegisterOperand b] when mnemonic == Mnemonic.Xchg:
                return IsAccumulator(b.Register) && !IsAccumulator(a.Register) ? operands : [b, a];
            case [RegisterOperand r, MemoryReference m] when mnemonic is Mnemonic.Xchg or Mnemonic.Test:
                return [m, r];
            case [RegisterOperand destination, ImmediateOperand immediate] when mnemonic == Mnemonic.Imul:
                return [destination, destination, immediate];
            default:
                return operands;
        }
    }

    private static bool IsAccumulator(Register r) => r is Register.AX or Register.EAX or Register.RAX;

    /// <summary>
    /// Forms NASM emits instead of the written one: <c>mov r64, imm</c> with imm in
    /// 0..0xFFFFFFFF as <c>mov r32, imm32</c> (B8+r, zero-extending), and moves between a
    /// segment register and a 16- or 64-bit register without the 66h or REX.W prefix
    /// (8E /r and 8C /r, which Iced calls the r32 forms).
    /// </summary>
    public static bool TryEquivalent(Instruction chosen, out Instruction equivalent)
    {
        equivalent = default;
        switch (chosen.Code)
        {
            case Code.Mov_r64_imm64 or Code.Mov_rm64_imm32 when chosen.Op0Kind == OpKind.Register && chosen.GetImmediate(1) <= uint.MaxValue:
                equivalent = Instruction.Create(Code.Mov_r32_imm32, chosen.Op0Register.GetFullRegister32(), (uint)chosen.GetImmediate(1));
                return true;
            case Code.Mov_Sreg_rm16 or Code.Mov_Sreg_r64m16 when chosen.Op1Kind == OpKind.Register:
                equivalent = Instruction.Create(Code.Mov_Sreg_r32m16, chosen.Op0Register, chosen.Op1Register.GetFullRegister32());
                return true;
            case Code.Mov_r64m16_Sreg when chosen.Op0Kind == OpKind.Register:
                equivalent = Instruction.Create(Code.Mov_r32m16_Sreg, chosen.Op0Register.GetFullRegister32(), chosen.Op1Register);
                return true;
            default:
                return false;
        }
    }
}
