using Errata.Machine.Core;
using Errata.Machine.Debug;
using Errata.Machine.Firmware;
using Errata.Machine.Svm;

namespace Errata.Machine;

/// <summary>
/// The state the built-in machine starts a scenario in and where it keeps its own structures,
/// for a backend that must start the same image in the same state (docs/guide/scenarios.md).
/// </summary>
public static class MachineStart
{
    public const ulong Idt = MachineLayout.Idt;
    public const ulong StackTop = MachineLayout.StackTop;
    public const ulong KernelStackTop = MachineLayout.KernelStackTop;
    public const ulong Vmcb = MachineLayout.Vmcb;
    public const ulong HostSaveArea = MachineLayout.HostSaveArea;
    public const ulong PageTableRoot = MachineLayout.PageTableRoot;

    public const ulong Cr0 = Cpu.DefaultCr0;
    public const ulong Cr4 = Cpu.DefaultCr4;
    public const ulong Efer = Cpu.DefaultEfer;
    public const ulong Rflags = FlagBits.Fixed1;
    public const ulong Dr6 = DebugBits.Dr6ActiveLow;
    public const ulong Dr7 = DebugBits.Dr7Fixed1;
    public const ushort CodeSelector = 0x08;
    public const ushort DataSelector = 0x10;

    /// <summary>RFLAGS.RF, which the default #DB handler sets in the frame of an instruction breakpoint.</summary>
    public const ulong ResumeFlag = FlagBits.RF;

    /// <summary>SMBASE: SMM entry saves the interrupted state at <see cref="SmmSaveArea"/> = SMBASE + FE00h and starts at SMBASE + 8000h.</summary>
    public const ulong SmBase = SmramLayout.SmBase;
    public const ulong SmmSaveArea = SmramLayout.SaveArea;

    /// <summary>Offsets in the AMD64 state-save area from <see cref="SmmSaveArea"/> (APM Vol. 2 Table 10-2).</summary>
    public static class SmmSave
    {
        /// <summary>The selector of segment register n (0 = ES, 1 = CS, 2 = SS, ...): 16 bytes each.</summary>
        public static ulong Selector(int n) => SmramLayout.Segments + (ulong)n * 16;

        public const ulong Efer = SmramLayout.EferOffset, Revision = SmramLayout.RevisionOffset, SmBase = SmramLayout.SmBaseOffset;
        public const ulong Cr0 = SmramLayout.Cr0Offset, Cr4 = SmramLayout.Cr4Offset, Dr6 = SmramLayout.Dr6Offset, Dr7 = SmramLayout.Dr7Offset;
        public const ulong Rflags = SmramLayout.RflagsOffset, Rip = SmramLayout.RipOffset;

        /// <summary>General register r (0 = RAX .. 15 = R15, in the encoding's order).</summary>
        public static ulong Gpr(int r) => SmramLayout.GprOffset(r);
    }

    /// <summary>Whether delivering the exception vector pushes an error code (APM Vol. 2 8.2).</summary>
    public static bool PushesErrorCode(int vector) => vector is 8 or 10 or 11 or 12 or 13 or 14 or 17 or 21 or 29 or 30;

    /// <summary>The VMCB page the machine writes at <see cref="Vmcb"/> for an image with a guest, from its VMCB keys.</summary>
    public static byte[] VmcbPage(ulong guestEntry, IReadOnlyDictionary<string, ulong> keys)
    {
        var memory = new PhysicalMemory();
        VmcbKeys.Write(memory, guestEntry, keys);
        return memory.Copy(Vmcb, VmcbLayout.Size);
    }
}
