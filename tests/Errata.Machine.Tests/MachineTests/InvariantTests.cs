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

    /// <summary>The register fast forms (lazy flags) and the memory forms (generic ALU) agree on results and flags.</summary>
    [Fact]
    public void FastRegisterForms_AndGenericMemoryForms_GiveTheSameResultAndFlags()
    {
        Gen.Select(Gen.Int[0, 7], Gen.ULong, Gen.ULong).Sample((op, x, y) =>
        {
            var p = new TestProgram();
            var a = p.Asm;
            a.mov(rax, x);
            a.mov(rbx, y);
            a.mov(__qword_ptr[rsp - 64], rax);
            Emit(a, op, rax, __qword_ptr[rsp - 64]);
            a.pushfq();
            a.pop(r12);
            Emit(a, op, null, __qword_ptr[rsp - 64]);
            a.pushfq();
            a.pop(r13);
            a.mov(rcx, __qword_ptr[rsp - 64]);
            a.hlt();
            var o = p.Run("apm");
            const ulong arithmetic = 0x8D5;
            Assert.Equal(o.Final("r12") & arithmetic, o.Final("r13") & arithmetic);
            if (op is not (2 or 7)) Assert.Equal(o.Final("rax"), o.Final("rcx"));
        }, iter: 400);
    }

    /// <summary>op on rax (register form, when <paramref name="register"/> is set) or on the memory operand, with rbx as source.</summary>
    private static void Emit(Assembler a, int op, AssemblerRegister64? register, AssemblerMemoryOperand memory)
    {
        if (register is { } r)
        {
            switch (op)
            {
                case 0: a.add(r, rbx); break;
                case 1: a.sub(r, rbx); break;
                case 2: a.cmp(r, rbx); break;
                case 3: a.xor(r, rbx); break;
                case 4: a.and(r, rbx); break;
                case 5: a.inc(r); break;
                case 6: a.dec(r); break;
                default: a.test(r, rbx); break;
            }
            return;
        }
        switch (op)
        {
            case 0: a.add(memory, rbx); break;
            case 1: a.sub(memory, rbx); break;
            case 2: a.cmp(memory, rbx); break;
            case 3: a.xor(memory, rbx); break;
            case 4: a.and(memory, rbx); break;
            case 5: a.inc(memory); break;
            case 6: a.dec(memory); break;
            default: a.test(memory, rbx); break;
        }
    }
}
