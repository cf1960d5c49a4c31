using Errata.Machine;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Qemu.Image;

/// <summary>
/// The file's first bytes: a multiboot header with the address fields (flag 16, so QEMU loads
/// the file as flat bytes: it refuses a 64-bit ELF) and the 32-bit entry that enables PAE,
/// long mode and paging with the built-in machine's CR0, CR4 and EFER and jumps to 64-bit code.
/// </summary>
internal static class BootStub
{
    private const uint Magic = 0x1BADB002, AddressFields = 1u << 16;
    private const int HeaderSize = 32;
    private const ulong GdtPointer = QemuLayout.LoadBase + HeaderSize;
    private const ulong Entry = GdtPointer + 8;

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

        var a = new Assembler(32);
        a.cli();
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
        image.Put(Entry, stream.ToArray());
    }
}
