namespace Errata.Machine.Firmware;

/// <summary>
/// The processor state SMM entry saves and RSM restores (APM Vol. 2 10.2.3, the AMD64 state-save
/// area). <see cref="GuestVmcb"/> is set when an SMI interrupted a nested guest that KVM ran
/// (smram64.svm_guest_flag and svm_guest_vmcb_gpa): RSM goes back into that guest.
/// </summary>
internal sealed record SmmSaveState(
    ulong Rip,
    ulong Rflags,
    ulong[] Gpr,
    ulong Cr0,
    ulong Cr3,
    ulong Cr4,
    ulong Efer,
    ulong Dr6,
    ulong Dr7,
    ushort[] Segment,
    ulong? GuestVmcb)
{
    public ulong Rsp => Gpr[4];

    /// <summary>The privilege level the saved state returns to: the RPL of the saved CS.</summary>
    public int Cpl => Segment[1] & 3;
}
