using Errata.Machine;
using Errata.Machine.Backends;

namespace Errata.Qemu.Image;

/// <summary>
/// Builds the multiboot image that runs a machine image on QEMU from the built-in machine's
/// start state: the scenario's bytes at their addresses, INT3 at its sites, the VMCB, the
/// tables, the firmware and the boot stub.
/// </summary>
public static class ImageBuilder
{
    /// <summary>The image file's bytes, to hand to `qemu-system-x86_64 -kernel`; a <see cref="BackendFailure"/> when the image does not fit.</summary>
    public static byte[] Build(MachineImage image) => BuildImage(image).File;

    internal static BootImage BuildImage(MachineImage image)
    {
        var bytes = new ImageBytes();
        foreach (var block in image.Memory)
        {
            if (block.Address < QemuLayout.BootLimit || block.Address + (ulong)block.Bytes.Length > QemuLayout.ScenarioLimit)
                throw new BackendFailure(
                    $"memory block at 0x{block.Address:x} ({block.Bytes.Length} bytes) does not fit the QEMU image: " +
                    $"the scenario's bytes must lie in 0x{QemuLayout.BootLimit:x}..0x{QemuLayout.ScenarioLimit:x}");
            bytes.Put(block.Address, block.Bytes);
        }
        foreach (var injection in image.Injections)
            if (Icr.LowWord(injection.Event) is null)
                throw new BackendFailure($"the QEMU backend cannot inject {injection.Event.Name}: only nmi, smi, init and intr N are sent through the APIC");
        var sites = Site.Find(image, bytes.ByteAt);
        if (sites.Count > FirmwareAssembler.MaxSites)
            throw new BackendFailure($"the image has {sites.Count} sites (hlt, injections, instructions after VMRUN); the QEMU image keeps flags for {FirmwareAssembler.MaxSites}");
        foreach (var site in sites) bytes.Put(site.Address, [Site.Int3]);
        if (image.GuestEntry is { } guest) bytes.Put(MachineStart.Vmcb, GuestVmcb.Page(guest, image.Vmcb));

        var firmware = FirmwareAssembler.Assemble(image, sites);
        if ((ulong)firmware.Bytes.Length > QemuLayout.FirmwareLimit - QemuLayout.FirmwareBase)
            throw new BackendFailure($"the firmware for {sites.Count} sites takes {firmware.Bytes.Length} bytes, more than the image keeps for it");
        bytes.Put(QemuLayout.FirmwareBase, firmware.Bytes);
        SystemTables.WritePageTables(bytes);
        SystemTables.WriteGdt(bytes);
        SystemTables.WriteIdt(bytes, firmware.VectorEntries);
        bytes.Put(QemuLayout.SmmEntry, SmmCode.Trampoline(firmware.SmmEntry));
        BootStub.Write(bytes, firmware.LongModeEntry);
        return new BootImage(bytes.Bytes, sites);
    }
}
