using CsCheck;
using Errata.Scenarios.Assembly;
using Iced.Intel;
using IcedDecoder = Iced.Intel.Decoder;
using IcedEncoder = Iced.Intel.Encoder;

namespace Errata.Scenarios.Tests.Assembly;

/// <summary>
/// Text and bytes agree: what the assembler reports having assembled is what the bytes
/// decode to, Iced's formatting of it reads back to the same bytes, and a random machine
/// instruction formatted by Iced assembles to an instruction that formats the same.
/// </summary>
public class RoundTripTests
{
    [Fact]
    public void RandomMachineInstructions_RoundTrip()
    {
        RandomInstructions.Any.Sample(original =>
        {
            if (!Encodable(original, out int originalLength)) return;
            var text = TextAssembler.Format(original);
            // Redundant size prefixes (66h on mov [m], sreg) print as NASM's o16/o32/a32, which scenarios do not write.
            if (text.Split(' ')[0] is "o16" or "o32" or "o64" or "a32") return;
            var (bytes, assembled) = AssembleOne(text);
            var decoded = DecodeOne(bytes);

            AssertSameInstruction(assembled, decoded);
            Assert.True(bytes.Length <= originalLength, $"'{text}': {bytes.Length} bytes, Iced's own encoding has {originalLength}");
            if (!NasmRewrites(original))
                Assert.Equal(text, TextAssembler.Format(decoded));
            Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(AssembleOne(TextAssembler.Format(decoded)).Bytes));
        }, iter: 20_000, print: i => $"{i.Code}: {TextAssembler.Format(i)}");
    }

    [Fact]
    public void ScenarioListing_ReassemblesToTheSameBytes()
    {
        var result = TextAssembler.Assemble(
            [Asm.Section("code", "start: mov rax, target", "mov dr0, rax", "lea rbx, [rel table]", "mov rcx, [rbx+rdx*8+8]",
                "target: clgi", "cmp qword [rel table], 1", "jne done", "call far_away", "stgi", "done: hlt"),
             Asm.Section("handler", "far_away: add rsp, 8", "vmrun", "iretq"),
             Asm.Section("data", "table: dq target, done")],
            Asm.Base, _ => true);
        Assert.Empty(result.Diagnostics);
        foreach (var assembled in result.Instructions)
        {
            var text = TextAssembler.Format(assembled.Instruction);
            var again = TextAssembler.Assemble([Asm.Section("code", text) with { Alignment = 1 }], assembled.Address, _ => true);
            Assert.True(again.Diagnostics.Count == 0, $"'{text}': {string.Join("; ", again.Diagnostics)}");
            var original = result.Bytes.AsSpan((int)(assembled.Address - Asm.Base), assembled.Length).ToArray();
            Assert.Equal(Convert.ToHexString(original), Convert.ToHexString(again.Bytes));
            AssertSameInstruction(assembled.Instruction, DecodeAt(original, assembled.Address));
        }
    }

    [Fact]
    public void EveryMachineFamily_IsGenerated()
    {
        Assert.True(RandomInstructions.Codes.Length > 300, $"only {RandomInstructions.Codes.Length} codes");
        foreach (var code in new[] { Code.Clgi, Code.Stgi, Code.Vmrunq, Code.Mov_r64_dr, Code.Mov_cr_r64, Code.Int1, Code.Iretq, Code.Jmp_rel8_64 })
            Assert.Contains(code, RandomInstructions.Codes);
    }

    /// <summary>The decoded bytes are the instruction the assembler reports: same Code, same operands.</summary>
    private static void AssertSameInstruction(Instruction assembled, Instruction decoded)
    {
        Assert.Equal(assembled.Code, decoded.Code);
        Assert.Equal(assembled.OpCount, decoded.OpCount);
        for (int i = 0; i < assembled.OpCount; i++)
        {
            var kind = assembled.GetOpKind(i);
            Assert.Equal(kind, decoded.GetOpKind(i));
            switch (kind)
            {
                case OpKind.Register:
                    Assert.Equal(assembled.GetOpRegister(i), decoded.GetOpRegister(i));
                    break;
                case OpKind.NearBranch64:
                    Assert.Equal(assembled.NearBranch64, decoded.NearBranch64);
                    break;
                case OpKind.Memory:
                    Assert.Equal((assembled.MemoryBase, assembled.MemoryIndex, assembled.MemoryIndexScale, assembled.MemoryDisplacement64, assembled.SegmentPrefix),
                        (decoded.MemoryBase, decoded.MemoryIndex, decoded.MemoryIndexScale, decoded.MemoryDisplacement64, decoded.SegmentPrefix));
                    break;
                case OpKind.Immediate8 or OpKind.Immediate8_2nd or OpKind.Immediate16 or OpKind.Immediate32 or OpKind.Immediate64
                    or OpKind.Immediate8to16 or OpKind.Immediate8to32 or OpKind.Immediate8to64 or OpKind.Immediate32to64:
                    Assert.Equal(assembled.GetImmediate(i), decoded.GetImmediate(i));
                    break;
            }
        }
        Assert.Equal(TextAssembler.Format(assembled), TextAssembler.Format(decoded));
    }

    /// <summary>Instructions NASM writes in a different, shorter form (see NasmForms).</summary>
    private static bool NasmRewrites(Instruction i) =>
        i.Code is Code.Mov_r64_imm64 or Code.Mov_rm64_imm32 && i.Op0Kind == OpKind.Register && i.GetImmediate(1) <= uint.MaxValue
        || i.Code is Code.Mov_Sreg_rm16 or Code.Mov_Sreg_r64m16 && i.Op1Kind == OpKind.Register
        || i.Code == Code.Mov_r64m16_Sreg && i.Op0Kind == OpKind.Register
        || i.Code is Code.Xchg_rm16_r16 or Code.Xchg_rm32_r32 or Code.Xchg_rm64_r64 && i.Op0Kind == OpKind.Register
           && (i.Op0Register.GetNumber() == 0 || i.Op1Register.GetNumber() == 0) && i.Op0Register != i.Op1Register;

    /// <summary>Iced can encode it, and its bytes decode back to the same Code (66 90 is nop, not xchg ax, ax).</summary>
    private static bool Encodable(Instruction instruction, out int length)
    {
        var writer = new ByteCollector();
        var encoder = IcedEncoder.Create(64, writer);
        bool ok = encoder.TryEncode(instruction, instruction.IP, out uint encodedLength, out _);
        length = (int)encodedLength;
        return ok && DecodeOne(writer.Bytes.ToArray()).Code == instruction.Code;
    }

    private static (byte[] Bytes, Instruction Assembled) AssembleOne(string text)
    {
        var result = TextAssembler.Assemble([Asm.Section("code", text)], RandomInstructions.Ip, _ => true);
        Assert.True(result.Diagnostics.Count == 0, $"'{text}': {string.Join("; ", result.Diagnostics)}");
        return (result.Bytes, Assert.Single(result.Instructions).Instruction);
    }

    private static Instruction DecodeOne(byte[] bytes) => DecodeAt(bytes, RandomInstructions.Ip);

    private static Instruction DecodeAt(byte[] bytes, ulong ip)
    {
        var decoder = IcedDecoder.Create(64, new ByteArrayCodeReader(bytes), ip);
        decoder.Decode(out var instruction);
        Assert.Equal(bytes.Length, instruction.Length);
        return instruction;
    }

    private sealed class ByteCollector : CodeWriter
    {
        public List<byte> Bytes { get; } = [];
        public override void WriteByte(byte value) => Bytes.Add(value);
    }
}
