using Iced.Intel;

namespace Errata.Machine.Execution;

/// <summary>
/// One cached instruction: Iced's decoding, and either its fast form with the operands
/// pre-extracted (register slots, immediate or branch target, condition), so the step loop does
/// no operand decoding for it, or the handler the table gives its <see cref="Code"/>.
/// </summary>
internal struct DecodedSlot
{
    public Instruction Insn;
    /// <summary>The handler for <see cref="Insn"/>'s code; the step loop calls it when <see cref="Form"/> is <see cref="FastForm.None"/>.</summary>
    public Handler Run;
    public ulong Next;
    public FastForm Form;
    public byte R0, R1;
    public ConditionCode Condition;
    /// <summary>The immediate, or the branch target.</summary>
    public ulong Imm;
}
