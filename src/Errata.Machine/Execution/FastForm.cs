namespace Errata.Machine.Execution;

/// <summary>
/// The fast tier: 64-bit register forms that dominate loops, with their operands extracted at
/// decode time and executed inline by the step loop (<see cref="FastForms.Execute"/>). Each
/// touches no memory and cannot fault. <c>Reg</c> forms read a second register (R1), <c>Imm</c>
/// forms an immediate already sign-extended to 64 bits. Every other instruction, and every
/// other operand size, runs its handler from <see cref="HandlerTable"/>.
/// </summary>
internal enum FastForm : byte
{
    /// <summary>Not a fast form: the slot's handler runs it.</summary>
    None,
    /// <summary>NOP in every encoding, and PAUSE.</summary>
    Nop,
    MovReg,
    MovImm,
    AddReg,
    AddImm,
    SubReg,
    SubImm,
    CmpReg,
    CmpImm,
    AndReg,
    AndImm,
    OrReg,
    OrImm,
    XorReg,
    XorImm,
    TestReg,
    TestImm,
    Inc,
    Dec,
    /// <summary>JE/JZ: ZF is read without working out the other lazy flags.</summary>
    Jz,
    /// <summary>JNE/JNZ, likewise.</summary>
    Jnz,
    /// <summary>Every other condition, read from RFLAGS.</summary>
    Jcc,
    /// <summary>JMP rel8/rel32.</summary>
    Jmp,
}
