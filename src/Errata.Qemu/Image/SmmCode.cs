using Errata.Machine;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Qemu.Image;

/// <summary>
/// The 16-bit code QEMU's SMM entry runs (target/i386/tcg/sysemu/smm_helper.c: do_smm_enter starts
/// at SMBASE + 8000h in a real-mode-like state, CS base SMBASE, the other segments flat, CR0.PE,
/// CR0.PG, CR4 and EFER clear; GDTR and IDTR are kept). The relocation handler moves SMBASE to the
/// built-in machine's, as firmware does at boot; the trampoline goes back to long mode and jumps to
/// the firmware's 64-bit SMM entry.
/// </summary>
internal static class SmmCode
{
    /// <summary>Where the relocation handler runs: the reset SMBASE's entry.</summary>
    public const ulong RelocationEntry = QemuLayout.ResetSmBase + 0x8000;

    /// <summary>The SMBASE field of the reset SMBASE's state-save area, which RSM loads (revision bit 17).</summary>
    public const ulong RelocationSmBaseField = QemuLayout.ResetSmBase + 0xFE00 + MachineStart.SmmSave.SmBase;

    /// <summary>Writes the new SMBASE into the state-save area and leaves SMM.</summary>
    public static byte[] RelocationHandler()
    {
        var a = new Assembler(16);
        a.mov(ebx, (uint)RelocationSmBaseField);
        a.mov(__dword_ptr[ebx], (uint)MachineStart.SmBase);
        a.rsm();
        return Assemble(a, RelocationEntry);
    }

    /// <summary>
    /// Long mode again, with the interrupted CR0, CR4 and EFER as far as long mode allows (so the
    /// delivery report shows them) and the firmware's page tables, then a far jump to 64-bit code.
    /// </summary>
    public static byte[] Trampoline(ulong longModeEntry)
    {
        const uint pae = 0x20, lme = 0x100, lma = 0x400, pgPe = 0x80000001;
        var a = new Assembler(16);
        a.mov(ebx, (uint)MachineStart.SmmSaveArea);
        a.mov(eax, __dword_ptr[ebx + (int)MachineStart.SmmSave.Cr4]);
        a.or(eax, pae);
        a.mov(cr4, eax);
        a.mov(eax, (uint)MachineStart.PageTableRoot);
        a.mov(cr3, eax);
        a.mov(ecx, 0xC0000080u);
        a.mov(eax, __dword_ptr[ebx + (int)MachineStart.SmmSave.Efer]);
        a.or(eax, lme);
        a.and(eax, ~lma); // LMA is the processor's to set
        a.xor(edx, edx);
        a.wrmsr();
        a.mov(eax, __dword_ptr[ebx + (int)MachineStart.SmmSave.Cr0]);
        a.or(eax, pgPe);
        a.mov(cr0, eax);
        // JMP FAR ptr16:32 (operand-size prefix in 16-bit code): into the GDT's 64-bit code segment.
        a.db(0x66, 0xEA);
        a.dd((uint)longModeEntry);
        a.dw(MachineStart.CodeSelector);
        return Assemble(a, QemuLayout.SmmEntry);
    }

    private static byte[] Assemble(Assembler a, ulong rip)
    {
        using var stream = new MemoryStream();
        a.Assemble(new StreamCodeWriter(stream), rip);
        return stream.ToArray();
    }
}
