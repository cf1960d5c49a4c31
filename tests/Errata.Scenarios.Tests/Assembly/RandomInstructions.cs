using CsCheck;
using Iced.Intel;

namespace Errata.Scenarios.Tests.Assembly;

/// <summary>
/// Generates instructions the machine will run, straight from Iced's opcode tables:
/// a Code from the machine's families, then operands of the kinds that Code takes.
/// </summary>
internal static class RandomInstructions
{
    /// <summary>The instruction families the machine executes (see SupportedInstructions).</summary>
    private static readonly HashSet<Mnemonic> MachineMnemonics =
    [
        Mnemonic.Mov, Mnemonic.Movzx, Mnemonic.Movsx, Mnemonic.Movsxd, Mnemonic.Lea, Mnemonic.Xchg,
        Mnemonic.Add, Mnemonic.Sub, Mnemonic.Adc, Mnemonic.Sbb, Mnemonic.Inc, Mnemonic.Dec, Mnemonic.Neg,
        Mnemonic.Mul, Mnemonic.Imul, Mnemonic.Div, Mnemonic.Idiv,
        Mnemonic.And, Mnemonic.Or, Mnemonic.Xor, Mnemonic.Not, Mnemonic.Cmp, Mnemonic.Test,
        Mnemonic.Shl, Mnemonic.Shr, Mnemonic.Sar, Mnemonic.Rol, Mnemonic.Ror,
        Mnemonic.Jmp, Mnemonic.Je, Mnemonic.Jne, Mnemonic.Jb, Mnemonic.Jae, Mnemonic.Ja, Mnemonic.Jbe,
        Mnemonic.Jl, Mnemonic.Jge, Mnemonic.Jle, Mnemonic.Jg, Mnemonic.Js, Mnemonic.Jns, Mnemonic.Jo, Mnemonic.Jno,
        Mnemonic.Jp, Mnemonic.Jnp, Mnemonic.Call, Mnemonic.Ret, Mnemonic.Push, Mnemonic.Pop,
        Mnemonic.Pushfq, Mnemonic.Popfq, Mnemonic.Cli, Mnemonic.Sti, Mnemonic.Hlt, Mnemonic.Nop, Mnemonic.Pause,
        Mnemonic.Int3, Mnemonic.Int1, Mnemonic.Int, Mnemonic.Iretq, Mnemonic.Rdmsr, Mnemonic.Wrmsr,
        Mnemonic.Clgi, Mnemonic.Stgi, Mnemonic.Vmrun, Mnemonic.Vmload, Mnemonic.Vmsave, Mnemonic.Vmmcall,
    ];

    private static Gen<object[]> OperandsFor(Code code)
    {
        var info = code.ToOpCode();
        var operands = Gen.Const(Array.Empty<object>());
        for (int i = 0; i < info.OpCount; i++)
        {
            var operand = Kind(info.GetOpKind(i))!;
            operands = operands.SelectMany(list => operand.Select(o => (object[])[.. list, o]));
        }
        return operands;
    }

    private static bool Generatable(OpCodeInfo info)
    {
        for (int i = 0; i < info.OpCount; i++)
            if (Kind(info.GetOpKind(i)) is null) return false;
        // Far branches through memory need 'far', which the assembler does not take.
        if (info.MemorySize is MemorySize.SegPtr16 or MemorySize.SegPtr32 or MemorySize.SegPtr64) return false;
        // Text with no register or memory operand cannot say "16-bit" (push 5, ret, nop):
        // Iced prints those 66h forms with an o16 prefix NASM users do not write.
        return info.OperandSize != 16 || Enumerable.Range(0, info.OpCount).Any(i => IsSized(info.GetOpKind(i)));
    }

    private static bool IsSized(OpCodeOperandKind kind) =>
        kind is not (OpCodeOperandKind.imm8 or OpCodeOperandKind.imm8_const_1 or OpCodeOperandKind.imm8sex16
            or OpCodeOperandKind.imm16 or OpCodeOperandKind.br64_1 or OpCodeOperandKind.br64_4);

    private static readonly Register[] Gpr8 = Enumerable.Range((int)Register.AL, 20).Select(i => (Register)i).ToArray();
    private static readonly Register[] Gpr16 = Enumerable.Range((int)Register.AX, 16).Select(i => (Register)i).ToArray();
    private static readonly Register[] Gpr32 = Enumerable.Range((int)Register.EAX, 16).Select(i => (Register)i).ToArray();
    private static readonly Register[] Gpr64 = Enumerable.Range((int)Register.RAX, 16).Select(i => (Register)i).ToArray();
    private static readonly Register[] Segment = [Register.ES, Register.SS, Register.DS, Register.FS, Register.GS];
    private static readonly Register[] Control = [Register.CR0, Register.CR2, Register.CR3, Register.CR4, Register.CR8];
    private static readonly Register[] Debug = Enumerable.Range((int)Register.DR0, 8).Select(i => (Register)i).ToArray();

    private static Gen<object>? Kind(OpCodeOperandKind kind) => kind switch
    {
        OpCodeOperandKind.r8_reg or OpCodeOperandKind.r8_opcode => Reg(Gpr8),
        OpCodeOperandKind.r16_reg or OpCodeOperandKind.r16_rm or OpCodeOperandKind.r16_opcode => Reg(Gpr16),
        OpCodeOperandKind.r32_reg or OpCodeOperandKind.r32_rm or OpCodeOperandKind.r32_opcode => Reg(Gpr32),
        OpCodeOperandKind.r64_reg or OpCodeOperandKind.r64_rm or OpCodeOperandKind.r64_opcode => Reg(Gpr64),
        OpCodeOperandKind.r8_or_mem => Gen.OneOf(Reg(Gpr8), Memory),
        OpCodeOperandKind.r16_or_mem => Gen.OneOf(Reg(Gpr16), Memory),
        OpCodeOperandKind.r32_or_mem => Gen.OneOf(Reg(Gpr32), Memory),
        OpCodeOperandKind.r64_or_mem => Gen.OneOf(Reg(Gpr64), Memory),
        OpCodeOperandKind.mem => Memory,
        OpCodeOperandKind.seg_reg => Reg(Segment),
        OpCodeOperandKind.cr_reg => Reg(Control),
        OpCodeOperandKind.dr_reg => Reg(Debug),
        OpCodeOperandKind.al => Gen.Const<object>(Register.AL),
        OpCodeOperandKind.cl => Gen.Const<object>(Register.CL),
        OpCodeOperandKind.ax => Gen.Const<object>(Register.AX),
        OpCodeOperandKind.dx => Gen.Const<object>(Register.DX),
        OpCodeOperandKind.eax => Gen.Const<object>(Register.EAX),
        OpCodeOperandKind.rax => Gen.Const<object>(Register.RAX),
        OpCodeOperandKind.imm8 => Imm(Gen.Long[0, 255]),
        OpCodeOperandKind.imm8_const_1 => Imm(Gen.Const(1L)),
        OpCodeOperandKind.imm8sex16 or OpCodeOperandKind.imm8sex32 or OpCodeOperandKind.imm8sex64 => Imm(Gen.Long[-128, 127]),
        OpCodeOperandKind.imm16 => Imm(Gen.Long[0, ushort.MaxValue]),
        OpCodeOperandKind.imm32 => Imm(Gen.Long[0, uint.MaxValue]),
        OpCodeOperandKind.imm32sex64 => Imm(Gen.Long[int.MinValue, int.MaxValue]),
        OpCodeOperandKind.imm64 => Imm(Gen.Long),
        OpCodeOperandKind.br64_1 => Gen.Long[-100, 100].Select(d => (object)new Target(Ip + 2 + (ulong)d)),
        OpCodeOperandKind.br64_4 => Gen.Long[-0x100000, 0x100000].Select(d => (object)new Target(Ip + 0x200000 + (ulong)d)),
        _ => null,
    };

    private static Gen<object> Reg(Register[] set) => Gen.OneOf(set).Select(r => (object)r);

    private static Gen<object> Imm(Gen<long> values) => values.Select(v => (object)v);

    private static readonly Gen<Register> Index = Gen.OneOf(Gpr64.Where(r => r != Register.RSP).Append(Register.None).ToArray());

    private static readonly Gen<object> Memory = Gen.Frequency(
        (6, Gen.Select(Gen.OneOf(Gpr64), Index, Gen.OneOf(1, 2, 4, 8), Gen.OneOf(Gen.Long[-128, 127], Gen.Long[int.MinValue, int.MaxValue], Gen.Const(0L)),
            (b, i, s, d) => (object)new MemoryOperand(b, i, s, d, d == 0 ? 0 : 1))),
        (1, Gen.Long[0, 0x7FFF_FFFF].Select(a => (object)new MemoryOperand(Register.None, a, 8))),
        (1, Gen.Long[-0x1000, 0x1000].Select(d => (object)new MemoryOperand(Register.RIP, (long)Ip + d, 8))));

    private static bool Fits(long v) => v is >= int.MinValue and <= int.MaxValue;

    public readonly record struct Target(ulong Address);

    private static Instruction Create(Code code, object[] ops)
    {
        var i = ops switch
        {
            [] => Instruction.Create(code),
            [Target t] => Instruction.CreateBranch(code, t.Address),
            [Register r] => Instruction.Create(code, r),
            [MemoryOperand m] => Instruction.Create(code, m),
            [long v] => Fits(v) ? Instruction.Create(code, (int)v) : Instruction.Create(code, (uint)v),
            [Register a, Register b] => Instruction.Create(code, a, b),
            [Register a, MemoryOperand m] => Instruction.Create(code, a, m),
            [MemoryOperand m, Register b] => Instruction.Create(code, m, b),
            [Register a, long v] => Instruction.Create(code, a, v),
            [MemoryOperand m, long v] => Fits(v) ? Instruction.Create(code, m, (int)v) : Instruction.Create(code, m, (uint)v),
            [long v, long w] => Instruction.Create(code, (int)v, (int)w),
            [Register a, Register b, long v] => Fits(v) ? Instruction.Create(code, a, b, (int)v) : Instruction.Create(code, a, b, (uint)v),
            [Register a, MemoryOperand m, long v] => Fits(v) ? Instruction.Create(code, a, m, (int)v) : Instruction.Create(code, a, m, (uint)v),
            [Register a, Register b, Register c] => Instruction.Create(code, a, b, c),
            _ => throw new InvalidOperationException($"no shape for {code} with {ops.Length} operands"),
        };
        i.IP = Ip;
        i.CodeSize = CodeSize.Code64;
        return i;
    }

    // Last: static fields initialise in order, and these use the sets above.
    public static readonly Code[] Codes = Enum.GetValues<Code>()
        .Where(c => c.ToOpCode() is { IsInstruction: true, Mode64: true, Encoding: EncodingKind.Legacy } info
                    && MachineMnemonics.Contains(info.Mnemonic) && Generatable(info)
                    // REX.W 90 prints as "xchg rax, rax", which NASM reads as 87h /r.
                    && c != Code.Nopq)
        .ToArray();

    public const ulong Ip = 0x401000;

    public static readonly Gen<Instruction> Any =
        Gen.OneOf(Codes).SelectMany(code => OperandsFor(code).Select(operands => Create(code, operands)));
}
