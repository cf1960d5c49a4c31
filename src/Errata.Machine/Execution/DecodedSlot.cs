using Errata.Machine.Core;
using Iced.Intel;

namespace Errata.Machine.Execution;

internal delegate ExecResult SlotHandler(Cpu cpu, ref DecodedSlot slot);

/// <summary>
/// One cached instruction: Iced's decoding, the handler chosen for it at decode time, and for
/// the hot register forms their operands pre-extracted (register slots and immediate), so the
/// step loop does no operand decoding for them.
/// </summary>
internal struct DecodedSlot
{
    public Instruction Insn;
    public SlotHandler Run;
    public ulong Next;
    public HotForm Hot;
    public byte R0, R1;
    public ulong Imm;
}

/// <summary>The commonest register forms, executed inline by the step loop without a call.</summary>
internal enum HotForm : byte
{
    None,
    MovReg,
    AddReg,
    SubReg,
    XorReg,
    CmpReg,
    CmpImm,
    AddImm,
    SubImm,
    Inc,
    Dec,
    Jnz,
    Jz,
    Jmp,
}
