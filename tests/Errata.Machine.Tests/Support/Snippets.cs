using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Machine.Tests.Support;

/// <summary>Instruction sequences tests share.</summary>
internal static class Snippets
{
    public const ulong ApicIcrLow = 0xFEE00300;

    /// <summary>ICR low for a self IPI: shorthand "self" (bits 19:18 = 01) with a delivery mode and vector.</summary>
    public static ulong SelfIcr(int deliveryMode, int vector = 0) => (1UL << 18) | ((ulong)deliveryMode << 8) | (uint)vector;

    /// <summary>Writes the xAPIC ICR (clobbers rax, rbx).</summary>
    public static void SendSelf(Assembler a, int deliveryMode, int vector = 0)
    {
        a.mov(rax, SelfIcr(deliveryMode, vector));
        a.mov(rbx, ApicIcrLow);
        a.mov(__dword_ptr[rbx], eax);
    }

    /// <summary>DRn = address of <paramref name="label"/>, DR7 = <paramref name="control"/> (clobbers rax).</summary>
    public static void Arm(Assembler a, AssemblerRegisterDR dr, Label label, ulong control)
    {
        a.lea(rax, __[label]);
        a.mov(dr, rax);
        a.mov(rax, control);
        a.mov(dr7, rax);
    }

    /// <summary>CR4.DE=1, DR0 = <paramref name="port"/>, DR7 = L0 with R/W0=10 (I/O) and LEN0=00 (clobbers rax).</summary>
    public static void ArmIo(Assembler a, ulong port)
    {
        a.mov(rax, cr4);
        a.or(rax, 8);
        a.mov(cr4, rax);
        a.mov(rax, port);
        a.mov(dr0, rax);
        a.mov(rax, 0x20401UL);
        a.mov(dr7, rax);
    }

    /// <summary>Clears EFER.SVME with RDMSR/WRMSR (clobbers rax, rcx, rdx).</summary>
    public static void ClearSvme(Assembler a)
    {
        a.mov(ecx, 0xC0000080);
        a.rdmsr();
        a.and(eax, ~0x1000);
        a.wrmsr();
    }

    /// <summary>Goes on at <paramref name="target"/> through an IRETQ whose RFLAGS hold RF=1, at CPL 0 (clobbers rax, rcx).</summary>
    public static void ResumeWithRf(Assembler a, Label target)
    {
        a.mov(rax, rsp);
        a.push(0x10);
        a.push(rax);
        a.push(0x10002);
        a.push(0x08);
        a.lea(rcx, __[target]);
        a.push(rcx);
        a.iretq();
    }

    /// <summary>DR7.GD set, then a MOV from DR0 at <paramref name="access"/>: a general-detect #DB there (clobbers rax).</summary>
    public static void GeneralDetect(TestProgram p, ref Label access)
    {
        p.Asm.mov(rax, 0x2400UL);
        p.Asm.mov(dr7, rax);
        p.At(ref access);
        p.Asm.mov(rax, dr0);
    }

    /// <summary>Sets RFLAGS.TF with POPFQ (clobbers nothing but the stack slot).</summary>
    public static void SetTrapFlag(Assembler a)
    {
        a.pushfq();
        a.or(__qword_ptr[rsp], 0x100);
        a.popfq();
    }

    public static void ClearTrapFlag(Assembler a)
    {
        a.pushfq();
        a.and(__qword_ptr[rsp], ~0x100);
        a.popfq();
    }
}
