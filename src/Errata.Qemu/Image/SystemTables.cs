using Errata.Machine;

namespace Errata.Qemu.Image;

/// <summary>
/// The tables the processor reads: the identity map of the scenario's memory in 4-KiB pages
/// (everything else is not present, as on the built-in machine) plus the APIC page, the GDT with
/// the built-in machine's selectors and a TSS whose RSP0 is its kernel stack, and the IDT.
/// </summary>
internal static class SystemTables
{
    private const ulong Present = 1, Writable = 2, User = 4, WriteThrough = 8, CacheDisable = 0x10;
    private const ulong Table = Present | Writable | User;
    private const ulong Pml4 = QemuLayout.PageTables, Pdpt = Pml4 + 0x1000, PdLow = Pml4 + 0x2000, PtScenario = Pml4 + 0x3000;
    private const ulong PdApic = Pml4 + 0x4000, PtApic = Pml4 + 0x5000;

    public static void WritePageTables(ImageBytes image)
    {
        // Only CR3 must match: PageTableRoot is where the built-in machine says its map is.
        if (Pml4 != MachineStart.PageTableRoot) throw new InvalidOperationException("page tables must start at CR3");
        image.Qword(Pml4, Pdpt | Table);
        image.Qword(Pdpt, PdLow | Table);
        image.Qword(PdLow + 8 * (MemoryMap.ScenarioBase >> 21), PtScenario | Table);
        for (var page = MemoryMap.ScenarioBase; page < MemoryMap.ScenarioLimit; page += 0x1000)
            image.Qword(PtScenario + 8 * ((page >> 12) & 511), page | Table);
        image.Qword(Pdpt + 8 * (QemuLayout.Apic >> 30), PdApic | Table);
        image.Qword(PdApic + 8 * ((QemuLayout.Apic >> 21) & 511), PtApic | Table);
        image.Qword(PtApic + 8 * ((QemuLayout.Apic >> 12) & 511), QemuLayout.Apic | Present | Writable | WriteThrough | CacheDisable);
    }

    /// <summary>GDT: 0x08 64-bit code, 0x10 data, 0x18 user code, 0x20 user data, 0x28 the TSS (two slots).</summary>
    public static void WriteGdt(ImageBytes image)
    {
        image.Qword(QemuLayout.Gdt + 0x08, 0x00AF9A000000FFFF);
        image.Qword(QemuLayout.Gdt + 0x10, 0x00CF92000000FFFF);
        image.Qword(QemuLayout.Gdt + 0x18, 0x00AFFA000000FFFF);
        image.Qword(QemuLayout.Gdt + 0x20, 0x00CFF2000000FFFF);
        const ulong limit = 0x67, tss = QemuLayout.Tss;
        var low = limit | ((tss & 0xFFFFFF) << 16) | (0x89UL << 40) | (((tss >> 24) & 0xFF) << 56);
        image.Qword(QemuLayout.Gdt + QemuLayout.TssSelector, low);
        image.Qword(QemuLayout.Gdt + QemuLayout.TssSelector + 8, tss >> 32);
        image.Qword(QemuLayout.Tss + 4, MachineStart.KernelStackTop); // RSP0
        image.Word(QemuLayout.Tss + 0x66, 0x68); // I/O map base past the limit: no I/O bitmap
    }

    public const ushort GdtLimit = 0x37;

    /// <summary>Every vector to its firmware entry: present 64-bit interrupt gates, DPL 3, selector 0x08, as the built-in IDT.</summary>
    public static void WriteIdt(ImageBytes image, IReadOnlyList<ulong> entries)
    {
        for (var v = 0; v < 256; v++)
        {
            var target = entries[v];
            var lo = (target & 0xFFFF) | ((ulong)MachineStart.CodeSelector << 16) | (0xEEUL << 40) | ((target & 0xFFFF0000) << 32);
            image.Qword(MachineStart.Idt + (ulong)v * 16, lo);
            image.Qword(MachineStart.Idt + (ulong)v * 16 + 8, target >> 32);
        }
        image.Word(FirmwareAssembler.IdtPointer, 256 * 16 - 1);
        image.Qword(FirmwareAssembler.IdtPointer + 2, MachineStart.Idt);
    }
}
