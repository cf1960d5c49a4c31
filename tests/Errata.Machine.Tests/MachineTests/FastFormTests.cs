using CsCheck;
using Errata.Machine.Core;
using Errata.Machine.Execution;
using Errata.Machine.Profiles;
using Errata.Machine.Tests.Support;
using Iced.Intel;

namespace Errata.Machine.Tests.MachineTests;

/// <summary>
/// The fast tier against the generic handlers: every encoding of every <see cref="FastForm"/> is
/// selected as that form, and running it inline gives the registers, RFLAGS and next RIP its
/// generic handler gives from the same state.
/// </summary>
public sealed class FastFormTests
{
    private const ulong Ip = MemoryMap.CodeBase + 0x800;

    /// <summary>One encoding of a fast form: its code and how to build it from two registers and a random value.</summary>
    internal sealed record Encoding(FastForm Form, Code Code, Func<Register, Register, ulong, Instruction> Make)
    {
        public override string ToString() => $"{Code} ({Form})";
    }

    private static readonly Encoding[] Encodings = [.. Build()];

    private static IEnumerable<Encoding> Build()
    {
        foreach (var code in new[] { Code.Nopd, Code.Nopq, Code.Nopw, Code.Pause })
            yield return new(FastForm.Nop, code, (_, _, _) => Instruction.Create(code));
        yield return new(FastForm.Nop, Code.Nop_rm64, (d, _, _) => Instruction.Create(Code.Nop_rm64, d));
        yield return Reg(FastForm.MovReg, Code.Mov_rm64_r64);
        yield return Reg(FastForm.MovReg, Code.Mov_r64_rm64);
        yield return new(FastForm.MovImm, Code.Mov_r64_imm64, (d, _, v) => Instruction.Create(Code.Mov_r64_imm64, d, v));
        yield return Imm32(FastForm.MovImm, Code.Mov_rm64_imm32);
        foreach (var (reg, imm, name) in new[]
                 {
                     (FastForm.AddReg, FastForm.AddImm, "Add"), (FastForm.SubReg, FastForm.SubImm, "Sub"),
                     (FastForm.CmpReg, FastForm.CmpImm, "Cmp"), (FastForm.AndReg, FastForm.AndImm, "And"),
                     (FastForm.OrReg, FastForm.OrImm, "Or"), (FastForm.XorReg, FastForm.XorImm, "Xor"),
                 })
        {
            yield return Reg(reg, Enum.Parse<Code>($"{name}_rm64_r64"));
            yield return Reg(reg, Enum.Parse<Code>($"{name}_r64_rm64"));
            var imm8 = Enum.Parse<Code>($"{name}_rm64_imm8");
            yield return new(imm, imm8, (d, _, v) => Instruction.Create(imm8, d, (sbyte)v));
            yield return Imm32(imm, Enum.Parse<Code>($"{name}_rm64_imm32"));
            yield return Accumulator(imm, Enum.Parse<Code>($"{name}_RAX_imm32"));
        }
        yield return Reg(FastForm.TestReg, Code.Test_rm64_r64);
        yield return Imm32(FastForm.TestImm, Code.Test_rm64_imm32);
        yield return Accumulator(FastForm.TestImm, Code.Test_RAX_imm32);
        yield return new(FastForm.Inc, Code.Inc_rm64, (d, _, _) => Instruction.Create(Code.Inc_rm64, d));
        yield return new(FastForm.Dec, Code.Dec_rm64, (d, _, _) => Instruction.Create(Code.Dec_rm64, d));
        foreach (var code in Enum.GetValues<Code>().Where(IsNearBranch64))
        {
            var form = code.Mnemonic() == Mnemonic.Jmp ? FastForm.Jmp : code.ConditionCode() switch
            {
                ConditionCode.e => FastForm.Jz,
                ConditionCode.ne => FastForm.Jnz,
                _ => FastForm.Jcc,
            };
            // rel8 reaches -128..127 bytes from the next instruction (a short Jcc or JMP is two bytes long); rel32 farther.
            var scale = code.ToOpCode().GetOpKind(0) == OpCodeOperandKind.br64_1 ? 1L : 4096L;
            yield return new(form, code, (_, _, v) => Instruction.CreateBranch(code, Ip + 2 + (ulong)((long)(sbyte)v * scale)));
        }
    }

    private static bool IsNearBranch64(Code code) =>
        (code.IsJccShortOrNear() || code is Code.Jmp_rel8_64 or Code.Jmp_rel32_64)
        && code.ToOpCode().GetOpKind(0) is OpCodeOperandKind.br64_1 or OpCodeOperandKind.br64_4;

    private static Encoding Reg(FastForm form, Code code) => new(form, code, (d, s, _) => Instruction.Create(code, d, s));

    private static Encoding Imm32(FastForm form, Code code) => new(form, code, (d, _, v) => Instruction.Create(code, d, (int)v));

    private static Encoding Accumulator(FastForm form, Code code) => new(form, code, (_, _, v) => Instruction.Create(code, Register.RAX, (int)v));

    [Fact]
    public void EveryFastForm_HasEncodingsHere()
    {
        var forms = Enum.GetValues<FastForm>().Where(f => f != FastForm.None);
        Assert.Equal(forms.Order(), Encodings.Select(e => e.Form).Distinct().Order());
    }

    [Fact]
    public void EveryConditionCode_HasAShortAndANearJcc()
    {
        var jcc = Encodings.Where(e => e.Code.IsJccShortOrNear()).ToArray();
        Assert.Equal(32, jcc.Length);
        Assert.Equal(16, jcc.Select(e => e.Code.ConditionCode()).Distinct().Count());
    }

    /// <summary>Other operand sizes, memory operands, three operands and other mnemonics run their handler.</summary>
    [Fact]
    public void OtherForms_RunTheirHandler()
    {
        Instruction[] others =
        [
            Instruction.Create(Code.Add_rm32_r32, Register.EAX, Register.EBX),
            Instruction.Create(Code.Xor_rm8_r8, Register.AL, Register.BL),
            Instruction.Create(Code.Inc_rm32, Register.ECX),
            Instruction.Create(Code.Mov_rm64_r64, new MemoryOperand(Register.RSP, -64), Register.RBX),
            Instruction.Create(Code.Add_rm64_imm8, new MemoryOperand(Register.RSP, -64), 1),
            Instruction.Create(Code.Imul_r64_rm64_imm32, Register.RAX, Register.RBX, 3),
            Instruction.Create(Code.Shl_rm64_imm8, Register.RAX, 3),
            Instruction.Create(Code.Adc_rm64_r64, Register.RAX, Register.RBX),
            Instruction.Create(Code.Push_r64, Register.RAX),
            Instruction.CreateBranch(Code.Call_rel32_64, Ip + 0x100),
        ];
        foreach (var insn in others)
        {
            var slot = Decoded(insn);
            Assert.Equal(insn.Code, slot.Insn.Code);
            Assert.Equal(FastForm.None, slot.Form);
            Assert.Same(HandlerTable.Handlers[(int)insn.Code], slot.Run);
        }
    }

    [Fact]
    public void EveryEncoding_IsSelectedAsItsForm_AndAgreesWithItsGenericHandler()
    {
        Case.Sample(c =>
        {
            var slot = Decoded(c.Encoding.Make(Gpr(c.R0), Gpr(c.R1), c.Value));
            Assert.Equal(c.Encoding.Code, slot.Insn.Code);
            Assert.Equal(c.Encoding.Form, slot.Form);

            var (fast, general) = Processors.Value;
            c.Start(fast);
            c.Start(general);
            var fastNext = FastForms.Execute(fast, ref slot);
            var result = HandlerTable.Handlers[(int)slot.Insn.Code](general, ref slot.Insn);
            Assert.True(result is ExecResult.Next or ExecResult.Jump, $"{result}");
            var generalNext = result == ExecResult.Next ? slot.Insn.NextIP : general.Rip;

            Assert.Equal(generalNext, fastNext);
            Assert.Equal(general.Gpr, fast.Gpr);
            Assert.Equal(general.Rflags, fast.Rflags);
        }, iter: 6000);
    }

    /// <summary>
    /// A state to run from: sixteen registers (often at the values where flags turn), RFLAGS, and
    /// the lazy flags an earlier 64-bit ALU instruction may have left pending.
    /// </summary>
    internal sealed record State(Encoding Encoding, int R0, int R1, ulong Value, ulong[] Registers, ulong Flags, int Previous, ulong A, ulong B)
    {
        /// <summary>Puts <paramref name="cpu"/> in this state: the forms and their handlers read and write nothing else.</summary>
        public void Start(Cpu cpu)
        {
            cpu.Rip = Ip;
            Registers.CopyTo(cpu.Gpr, 0);
            cpu.Rflags = FlagBits.Fixed1 | (Flags & FlagBits.Arithmetic);
            switch (Previous)
            {
                case 1: Alu.Add64(cpu, A, B); break;
                case 2: Alu.Sub64(cpu, A, B); break;
                case 3: Alu.Logic64(cpu, A & B); break;
                case 4: Alu.IncDec64(cpu, A, 1); break;
                case 5: Alu.IncDec64(cpu, A, ulong.MaxValue); break;
            }
        }

        public override string ToString() =>
            $"{Encoding} r{R0}, r{R1}, value 0x{Value:x}, flags 0x{Flags & FlagBits.Arithmetic:x}, previous {Previous} (0x{A:x}, 0x{B:x}), registers [{string.Join(", ", Registers.Select(r => $"0x{r:x}"))}]";
    }

    /// <summary>Two processors per sampling thread, reset for each case: a processor holds the scenario's whole memory.</summary>
    private static readonly ThreadLocal<(Cpu Fast, Cpu General)> Processors = new(() =>
    {
        var rules = ProfileRegistry.All.First(p => p.Name == "apm").RuleSet;
        return (new Cpu(rules), new Cpu(rules));
    });

    /// <summary>The encodings by form, so that every form is as likely as any other (there are 32 of Jcc alone).</summary>
    private static readonly Encoding[][] ByForm = [.. Encodings.GroupBy(e => e.Form).Select(g => g.ToArray())];

    /// <summary>The earlier instruction's operands, equal one time in four: a SUB of equal values is where CF and ZF turn.</summary>
    private static readonly Gen<(int, ulong, ulong)> Previous =
        Gen.Select(Gen.Int[0, 5], OperandValues.Value, OperandValues.Value, Gen.Int[0, 3], (op, a, b, same) => (op, a, same == 0 ? a : b));

    private static readonly Gen<State> Case =
        Gen.Select(Gen.Int[0, ByForm.Length - 1], Gen.Int[0, 1 << 10], Gen.Int[0, 15], Gen.Int[0, 15], OperandValues.Value, OperandValues.Value.Array[16], Gen.ULong, Previous,
            (form, n, r0, r1, v, regs, flags, previous) =>
                new State(ByForm[form][n % ByForm[form].Length], r0, r1, v, regs, flags, previous.Item1, previous.Item2, previous.Item3));

    private static Register Gpr(int n) => Register.RAX + n;

    /// <summary>Encodes the instruction at <see cref="Ip"/>, decodes it back as the cache would, and selects its form.</summary>
    private static DecodedSlot Decoded(Instruction insn)
    {
        var writer = new CodeBytes();
        Assert.True(Iced.Intel.Encoder.Create(64, writer).TryEncode(insn, Ip, out _, out var error), error);
        var decoder = Iced.Intel.Decoder.Create(64, new ByteArrayCodeReader(writer.Bytes.ToArray()));
        decoder.IP = Ip;
        var slot = new DecodedSlot();
        decoder.Decode(out slot.Insn);
        FastFormSelection.Select(ref slot);
        return slot;
    }

    private sealed class CodeBytes : CodeWriter
    {
        public readonly List<byte> Bytes = [];

        public override void WriteByte(byte value) => Bytes.Add(value);
    }
}
