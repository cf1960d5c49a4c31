using CsCheck;
using Errata.Machine.Events;
using Errata.Machine.Profiles;
using Errata.Machine.Tests.Support;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Machine.Tests.MachineTests;

/// <summary>Invariants over random programs of ordinary (non-SVM) instructions.</summary>
public sealed class InvariantTests
{
    private static readonly AssemblerRegister64[] Registers = [rax, rbx, rcx, rdx, rsi, rdi, r8, r9, r10, r11];

    /// <summary>One random ordinary instruction: register moves, ALU, shifts, stack, compare and a forward jcc.</summary>
    private static readonly Gen<Action<Assembler>> Instruction =
        Gen.Select(Gen.Int[0, 9], Gen.Int[0, 9], Gen.Int[0, 11], Gen.ULong, (d, s, op, imm) =>
        {
            var dst = Registers[d];
            var src = Registers[s];
            return (Action<Assembler>)(op switch
            {
                0 => a => a.mov(dst, imm),
                1 => a => a.add(dst, src),
                2 => a => a.sub(dst, (int)(imm & 0x7FFF)),
                3 => a => a.xor(dst, src),
                4 => a => a.imul(dst, src),
                5 => a => a.shl(dst, (byte)(imm & 63)),
                6 => a => a.sar(dst, 3),
                7 => a => { a.push(src); a.pop(dst); },
                8 => a => a.lea(dst, __[src + dst * 2 + 0x10]),
                9 => a => a.cmp(dst, src),
                10 => a => a.inc(dst),
                _ => a => a.dec(dst),
            });
        });

    [Fact]
    public void RandomOrdinaryPrograms_NeverChangeGif_RaiseNothing_AndRunEveryInstructionOnce()
    {
        Instruction.Array[1, 40].Sample(program =>
        {
            var p = new TestProgram();
            foreach (var emit in program) emit(p.Asm);
            p.Asm.hlt();
            var image = p.Image();
            foreach (var profile in ProfileRegistry.All)
            {
                var o = X86Machine.Run(image, profile);
                Assert.Equal(RunEnd.Halted, o.End);
                Assert.Equal(1UL, o.Final("gif"));
                Assert.Empty(o.Events);
                Assert.Equal(InstructionCount(image), o.Instructions);
            }
        }, iter: 60);
    }

    /// <summary>Straight-line code runs each of its instructions once, HLT included.</summary>
    private static long InstructionCount(MachineImage image)
    {
        var decoder = Iced.Intel.Decoder.Create(64, new ByteArrayCodeReader(image.Memory[0].Bytes));
        decoder.IP = image.Entry;
        long count = 0;
        var end = image.Entry + (ulong)image.Memory[0].Bytes.Length;
        while (decoder.IP < end)
        {
            decoder.Decode(out _);
            count++;
        }
        return count;
    }

    [Fact]
    public void SameImage_OnTheSameProfile_GivesTheSameOutcome()
    {
        Instruction.Array[1, 30].Sample(program =>
        {
            var p = new TestProgram();
            foreach (var emit in program) emit(p.Asm);
            p.Asm.hlt();
            var image = p.Image();
            foreach (var profile in ProfileRegistry.All)
            {
                var first = X86Machine.Run(image, profile);
                var second = X86Machine.Run(image, profile);
                Assert.Equal(first.Instructions, second.Instructions);
                Assert.Equal(first.Final.Names.Select(n => first.Final(n)), second.Final.Names.Select(n => second.Final(n)));
            }
        }, iter: 30);
    }

    /// <summary>
    /// The register fast forms (lazy flags) and the memory forms (generic ALU) agree on results
    /// and flags when they run in a program, flags read back through PUSHFQ. FastFormTests
    /// compares every fast form with its generic handler directly.
    /// </summary>
    [Fact]
    public void FastRegisterForms_AndGenericMemoryForms_GiveTheSameResultAndFlags()
    {
        const ulong arithmetic = 0x8D5;
        Gen.Select(Gen.Int[0, Ops.Length - 1], Gen.Bool, OperandValues.Value, OperandValues.Value, Gen.ULong).Sample((op, immediate, x, y, flags) =>
        {
            var p = new TestProgram();
            var a = p.Asm;
            a.mov(rax, x);
            a.mov(rbx, y);
            a.mov(__qword_ptr[rsp - 64], rax);
            // Both forms start from the same flags, so one's result cannot leak into the other's (INC and DEC keep CF).
            a.mov(rdx, (flags & arithmetic) | 2);
            a.push(rdx);
            a.popfq();
            Ops[op].Register(a, immediate ? null : rbx, (int)y);
            a.pushfq();
            a.pop(r12);
            a.push(rdx);
            a.popfq();
            Ops[op].Memory(a, __qword_ptr[rsp - 64], immediate ? null : rbx, (int)y);
            a.pushfq();
            a.pop(r13);
            a.mov(rcx, __qword_ptr[rsp - 64]);
            a.hlt();
            var o = p.Run("apm");
            Assert.Equal(o.Final("r12") & arithmetic, o.Final("r13") & arithmetic);
            Assert.Equal(o.Final("rax"), o.Final("rcx"));
        }, iter: 400);
    }

    /// <summary>One operation on rax (register form) or on the memory operand, with rbx or a 32-bit immediate as source.</summary>
    private sealed record Op(Action<Assembler, AssemblerRegister64?, int> Register, Action<Assembler, AssemblerMemoryOperand, AssemblerRegister64?, int> Memory);

    private static Op Binary(Action<Assembler, AssemblerRegister64, AssemblerRegister64> rr, Action<Assembler, AssemblerRegister64, int> ri,
        Action<Assembler, AssemblerMemoryOperand, AssemblerRegister64> mr, Action<Assembler, AssemblerMemoryOperand, int> mi) =>
        new((a, s, imm) => { if (s is { } r) rr(a, rax, r); else ri(a, rax, imm); },
            (a, m, s, imm) => { if (s is { } r) mr(a, m, r); else mi(a, m, imm); });

    private static Op Unary(Action<Assembler, AssemblerRegister64> r, Action<Assembler, AssemblerMemoryOperand> m) =>
        new((a, _, _) => r(a, rax), (a, mem, _, _) => m(a, mem));

    private static readonly Op[] Ops =
    [
        Binary((a, d, s) => a.add(d, s), (a, d, i) => a.add(d, i), (a, d, s) => a.add(d, s), (a, d, i) => a.add(d, i)),
        Binary((a, d, s) => a.sub(d, s), (a, d, i) => a.sub(d, i), (a, d, s) => a.sub(d, s), (a, d, i) => a.sub(d, i)),
        Binary((a, d, s) => a.cmp(d, s), (a, d, i) => a.cmp(d, i), (a, d, s) => a.cmp(d, s), (a, d, i) => a.cmp(d, i)),
        Binary((a, d, s) => a.and(d, s), (a, d, i) => a.and(d, i), (a, d, s) => a.and(d, s), (a, d, i) => a.and(d, i)),
        Binary((a, d, s) => a.or(d, s), (a, d, i) => a.or(d, i), (a, d, s) => a.or(d, s), (a, d, i) => a.or(d, i)),
        Binary((a, d, s) => a.xor(d, s), (a, d, i) => a.xor(d, i), (a, d, s) => a.xor(d, s), (a, d, i) => a.xor(d, i)),
        Binary((a, d, s) => a.test(d, s), (a, d, i) => a.test(d, i), (a, d, s) => a.test(d, s), (a, d, i) => a.test(d, i)),
        Binary((a, d, s) => a.mov(d, s), (a, d, i) => a.mov(d, i), (a, d, s) => a.mov(d, s), (a, d, i) => a.mov(d, i)),
        Unary((a, d) => a.inc(d), (a, m) => a.inc(m)),
        Unary((a, d) => a.dec(d), (a, m) => a.dec(m)),
    ];
}
