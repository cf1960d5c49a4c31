using Errata.Machine.Core;
using Errata.Machine.Debug;
using Errata.Machine.Firmware;

namespace Errata.Machine.Svm;

/// <summary>
/// The VMCB set-up keys a scenario may give (docs/guide/scenarios.md, "The vmcb header key"). When the image has a
/// guest, the machine writes a VMCB at <see cref="MachineLayout.Vmcb"/> from these keys and puts
/// its address in RAX before the code starts; the code runs `vmrun` with it.
/// </summary>
public static class VmcbKeys
{
    private static readonly (string Key, int Word, uint Mask)[] InterceptBits =
    [
        ("intercept_intr", VmcbLayout.Misc1, 1u << 0),
        ("intercept_nmi", VmcbLayout.Misc1, 1u << 1),
        ("intercept_smi", VmcbLayout.Misc1, 1u << 2),
        ("intercept_init", VmcbLayout.Misc1, 1u << 3),
        ("intercept_vintr", VmcbLayout.Misc1, 1u << 4),
        ("intercept_intn", VmcbLayout.Misc1, 1u << 21),
        ("intercept_hlt", VmcbLayout.Misc1, 1u << 24),
        ("intercept_ioio", VmcbLayout.Misc1, 1u << 27),
        ("intercept_msr", VmcbLayout.Misc1, 1u << 28),
        ("intercept_shutdown", VmcbLayout.Misc1, 1u << 31),
        ("intercept_vmrun", VmcbLayout.Misc2, 1u << 0),
        ("intercept_vmmcall", VmcbLayout.Misc2, 1u << 1),
        ("intercept_vmload", VmcbLayout.Misc2, 1u << 2),
        ("intercept_vmsave", VmcbLayout.Misc2, 1u << 3),
        ("intercept_stgi", VmcbLayout.Misc2, 1u << 4),
        ("intercept_clgi", VmcbLayout.Misc2, 1u << 5),
        ("intercept_icebp", VmcbLayout.Misc2, 1u << 8),
    ];

    private static readonly (string Key, uint Mask)[] IntCtlFlags =
    [
        ("v_irq", IntCtlBits.VIrq),
        ("v_gif", IntCtlBits.VGif),
        ("v_intr_masking", IntCtlBits.VIntrMasking),
        ("v_gif_enable", IntCtlBits.VGifEnable),
        ("v_ign_tpr", IntCtlBits.VIgnTpr),
    ];

    /// <summary>Fields inside int_ctl: V_TPR 3:0 and V_INTR_PRIO 19:16 (the value replaces the field).</summary>
    private static readonly (string Key, int Shift, uint Mask)[] IntCtlFields =
    [
        ("v_tpr", 0, IntCtlBits.VTpr),
        ("v_intr_prio", IntCtlBits.VIntrPrioShift, IntCtlBits.VIntrPrio),
    ];

    private static readonly (string Key, int Offset, int Size)[] Words =
    [
        ("intercept_cr", VmcbLayout.CrIntercepts, 4),
        ("intercept_dr", VmcbLayout.DrIntercepts, 4),
        ("intercept_exceptions", VmcbLayout.ExceptionIntercepts, 4),
        ("intercept_misc1", VmcbLayout.Misc1, 4),
        ("intercept_misc2", VmcbLayout.Misc2, 4),
        ("iopm_base_pa", VmcbLayout.IopmBase, 8),
        ("int_ctl", VmcbLayout.IntCtl, 4),
        ("v_intr_vector", VmcbLayout.IntVector, 4),
        ("int_state", VmcbLayout.IntState, 4),
        ("eventinj", VmcbLayout.EventInj, 8),
        ("rip", VmcbLayout.Rip, 8),
        ("rsp", VmcbLayout.Rsp, 8),
        ("rax", VmcbLayout.Rax, 8),
        ("rflags", VmcbLayout.Rflags, 8),
        ("cr0", VmcbLayout.Cr0, 8),
        ("cr3", VmcbLayout.Cr3, 8),
        ("cr4", VmcbLayout.Cr4, 8),
        ("efer", VmcbLayout.Efer, 8),
        ("dr6", VmcbLayout.Dr6, 8),
        ("dr7", VmcbLayout.Dr7, 8),
        ("cpl", VmcbLayout.Cpl, 1),
        ("asid", VmcbLayout.Asid, 4),
        ("cs_attrib", VmcbLayout.CsAttrib, 2),
        ("ss_attrib", VmcbLayout.SsAttrib, 2),
    ];

    /// <summary>Every key, for the scenario layer's validation and error messages.</summary>
    public static IReadOnlyList<string> All { get; } =
        Words.Select(w => w.Key).Concat(InterceptBits.Select(b => b.Key)).Concat(IntCtlFlags.Select(f => f.Key))
            .Concat(IntCtlFields.Select(f => f.Key))
            .Append("intercept_exception").ToArray();

    public static bool IsKnown(string key) => All.Contains(key, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Writes the VMCB: the guest starts at the guest entry on its own stack, with the host's control
    /// registers, DR6/DR7 at reset values, RFLAGS 0x2, the VMRUN and VMMCALL intercepts set;
    /// then the words, then the single bits, each overriding what came before.
    /// </summary>
    internal static void Write(PhysicalMemory m, ulong guestEntry, IReadOnlyDictionary<string, ulong> keys)
    {
        var a = MachineLayout.Vmcb;
        void Put(int offset, int size, ulong value) => m.TryWrite(a + (ulong)offset, size, value);
        Put(VmcbLayout.Misc2, 4, Intercept.Vmrun.Mask | Intercept.Vmmcall.Mask);
        Put(VmcbLayout.Asid, 4, 1); // ASID 0 is the host's: VMRUN refuses it (15.5.1)
        Put(VmcbLayout.IntCtl, 4, IntCtlBits.VIntrPrio); // V_INTR_PRIO 15: a V_IRQ is above any V_TPR
        Put(VmcbLayout.CsSelector, 2, 0x08);
        Put(VmcbLayout.CsAttrib, 2, SegmentAttributes.Code64);
        Put(VmcbLayout.SsSelector, 2, 0x10);
        Put(VmcbLayout.SsAttrib, 2, SegmentAttributes.Data);
        Put(VmcbLayout.Rip, 8, guestEntry);
        Put(VmcbLayout.Rsp, 8, MachineLayout.GuestStackTop);
        Put(VmcbLayout.Rflags, 8, FlagBits.Fixed1);
        Put(VmcbLayout.Cr0, 8, Cpu.DefaultCr0);
        Put(VmcbLayout.Cr3, 8, MachineLayout.PageTableRoot);
        Put(VmcbLayout.Cr4, 8, Cpu.DefaultCr4);
        Put(VmcbLayout.Efer, 8, Cpu.DefaultEfer);
        Put(VmcbLayout.Dr6, 8, DebugBits.Dr6ActiveLow);
        Put(VmcbLayout.Dr7, 8, DebugBits.Dr7Fixed1);

        var k = new Dictionary<string, ulong>(keys, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, offset, size) in Words)
            if (k.TryGetValue(key, out var v)) Put(offset, size, v);
        if (k.TryGetValue("intercept_exception", out var vector) && vector < 32)
            Or(m, a + VmcbLayout.ExceptionIntercepts, 1u << (int)vector, true);
        foreach (var (key, word, mask) in InterceptBits)
            if (k.TryGetValue(key, out var on)) Or(m, a + (ulong)word, mask, on != 0);
        foreach (var (key, mask) in IntCtlFlags)
            if (k.TryGetValue(key, out var on)) Or(m, a + VmcbLayout.IntCtl, mask, on != 0);
        foreach (var (key, shift, mask) in IntCtlFields)
            if (k.TryGetValue(key, out var field))
            {
                m.TryRead(a + VmcbLayout.IntCtl, 4, out var w);
                m.TryWrite(a + VmcbLayout.IntCtl, 4, (w & ~mask) | (((uint)field << shift) & mask));
            }
    }

    private static void Or(PhysicalMemory m, ulong address, uint mask, bool on)
    {
        m.TryRead(address, 4, out var w);
        m.TryWrite(address, 4, on ? w | mask : w & ~mask);
    }
}
