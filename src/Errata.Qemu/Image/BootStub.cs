using Errata.Machine;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Qemu.Image;

/// <summary>
/// The file's first bytes: a multiboot header with the address fields (flag 16, so QEMU loads
/// the file as flat bytes: it refuses a 64-bit ELF) and the 32-bit entry that enables PAE,
/// long mode and paging with the built-in machine's CR0, CR4 and EFER and jumps to 64-bit code.
/// Before that, still without paging: a boot after an INIT reports the reset and exits (so an INIT
/// cannot start the scenario again), and the first SMI relocates SMBASE (<see cref="SmmCode"/>).
/// </summary>
internal static class BootStub
{
    private const uint Magic = 0x1BADB002, AddressFields = 1u << 16;
    private const int HeaderSize = 32;
    private const ulong GdtPointer = QemuLayout.LoadBase + HeaderSize;
    private const ulong Entry = GdtPointer + 8;
    private const ulong RelocationHandler = QemuLayout.LoadBase + 0x800;
    private const ulong ResetReport = QemuLayout.LoadBase + 0x900;

    /// <summary>How long the stub waits for its SMI to relocate SMBASE; QEMU takes it at the next block.</summary>
    private const uint RelocationWait = 0x100000;

    public static void Write(ImageBytes image, ulong longModeEntry)
    {
        var h = QemuLayout.LoadBase;
        image.Dword(h, Magic);
        image.Dword(h + 4, AddressFields);
        image.Dword(h + 8, unchecked(0u - Magic - AddressFields));
        image.Dword(h + 12, (uint)h); // header_addr
        image.Dword(h + 16, (uint)QemuLayout.LoadBase); // load_addr
        image.Dword(h + 20, (uint)QemuLayout.FileLimit); // load_end_addr
        image.Dword(h + 24, (uint)QemuLayout.MemoryLimit); // bss_end_addr: the loader zeroes up to here
        image.Dword(h + 28, (uint)Entry);
        image.Word(GdtPointer, SystemTables.GdtLimit);
        image.Dword(GdtPointer + 2, (uint)QemuLayout.Gdt);

        var relocation = SmmCode.RelocationHandler();
        image.Put(RelocationHandler, relocation);
        image.Put(ResetReport, System.Text.Encoding.ASCII.GetBytes($"{ReportProtocol.Reset}\n{ReportProtocol.End}\n\0"));

        var a = new Assembler(32);
        a.cli();
        ReportReset(a);
        RelocateSmBase(a, relocation.Length);
        a.lgdt(__[GdtPointer]);
        a.mov(eax, (uint)MachineStart.Cr4);
        a.mov(cr4, eax);
        a.mov(eax, (uint)MachineStart.PageTableRoot);
        a.mov(cr3, eax);
        a.mov(ecx, 0xC0000080u);
        a.mov(eax, (uint)(MachineStart.Efer & ~0x400UL)); // LMA is the processor's to set
        a.xor(edx, edx);
        a.wrmsr();
        a.mov(eax, (uint)MachineStart.Cr0);
        a.mov(cr0, eax);
        a.jmp(MachineStart.CodeSelector, (uint)longModeEntry);
        using var stream = new MemoryStream();
        a.Assemble(new StreamCodeWriter(stream), Entry);
        if (Entry + (ulong)stream.Length > RelocationHandler) throw new InvalidOperationException("the boot stub overruns its data");
        image.Put(Entry, stream.ToArray());
    }

    /// <summary>
    /// The marker is there only when this boot follows an INIT (QEMU's do_cpu_init resets the processor,
    /// which runs the firmware and the multiboot loader again): report the reset and exit. The exit
    /// ends QEMU, so a second reset cannot happen.
    /// </summary>
    private static void ReportReset(Assembler a)
    {
        var first = a.CreateLabel();
        var next = a.CreateLabel();
        var exit = a.CreateLabel();
        var stop = a.CreateLabel();
        a.cmp(__dword_ptr[QemuLayout.ResetMarker], QemuLayout.ResetMagic);
        a.jne(first);
        a.mov(esi, (uint)ResetReport);
        a.Label(ref next);
        a.lodsb();
        a.test(al, al);
        a.jz(exit);
        a.@out(QemuLayout.DebugConsolePort, al);
        a.jmp(next);
        a.Label(ref exit);
        a.mov(al, QemuLayout.ExitValue);
        a.@out(QemuLayout.ExitPort, al);
        a.Label(ref stop);
        a.hlt();
        a.jmp(stop);
        a.Label(ref first);
        a.mov(__dword_ptr[QemuLayout.ResetMarker], QemuLayout.ResetMagic);
    }

    /// <summary>Copies the relocation handler to the reset SMBASE's entry and sends the SMI; waits until RSM has loaded the new SMBASE.</summary>
    private static void RelocateSmBase(Assembler a, int length)
    {
        a.cld();
        a.mov(esi, (uint)RelocationHandler);
        a.mov(edi, (uint)SmmCode.RelocationEntry);
        a.mov(ecx, (uint)length);
        a.rep.movsb();
        a.mov(__dword_ptr[QemuLayout.Apic + QemuLayout.ApicIcrHigh], 0u);
        a.mov(__dword_ptr[QemuLayout.Apic + QemuLayout.ApicIcrLow], Icr.LowWord(Errata.Machine.Events.EventId.Smi)!.Value);
        a.mov(ecx, RelocationWait);
        var wait = a.CreateLabel();
        var done = a.CreateLabel();
        a.Label(ref wait);
        a.cmp(__dword_ptr[SmmCode.RelocationSmBaseField], (uint)MachineStart.SmBase);
        a.je(done);
        a.pause();
        a.dec(ecx);
        a.jnz(wait);
        a.Label(ref done);
    }
}
