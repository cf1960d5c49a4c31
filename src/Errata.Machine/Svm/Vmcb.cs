namespace Errata.Machine.Svm;

/// <summary>Who handles a #VMEXIT from a VMCB: code in the scenario's memory, or the platform's L0 (KVM).</summary>
internal enum VmcbOwner
{
    Software,
    Platform,
}

/// <summary>
/// The fields of a VMCB the machine models (APM Vol. 2 Appendix B). A VMCB the scenario's
/// code runs lives in memory and is read at VMRUN and written back at #VMEXIT; KVM's
/// vmcb01/vmcb02 live only here, in L0's memory.
/// </summary>
internal sealed class Vmcb
{
    public ulong? Address;
    public VmcbOwner Owner;

    // Control area.
    public uint CrIntercepts, DrIntercepts, ExceptionIntercepts, Misc1, Misc2;
    public ulong IopmBase;
    public uint IntCtl;
    public uint IntVector;
    public uint IntState;
    public ulong ExitCode, ExitInfo1, ExitInfo2, ExitIntInfo;
    public ulong EventInj;
    public ulong NextRip;
    public uint Asid;

    // State save area.
    public byte Cpl;
    public ulong Efer, Cr0, Cr2, Cr3, Cr4, Dr6, Dr7, Rflags, Rip, Rsp, Rax;
    public ushort CsAttrib, SsAttrib;

    /// <summary>
    /// The I/O permissions map IOPM_BASE_PA points to: for a VMCB in memory the map there; for
    /// KVM's VMCBs the one KVM allocated (null: no map, no IOIO intercept possible).
    /// </summary>
    public IoPermissionMap? Iopm;

    /// <summary>The event record EVENTINJ delivers, when a mechanism already raised it (bookkeeping only).</summary>
    public int EventInjRecord = -1;

    public bool Intercepts(Intercept i) => i.Word switch
    {
        InterceptWord.Misc1 => (Misc1 & i.Mask) != 0,
        _ => (Misc2 & i.Mask) != 0,
    };

    public void Set(Intercept i, bool on)
    {
        ref var w = ref i.Word == InterceptWord.Misc1 ? ref Misc1 : ref Misc2;
        w = on ? w | i.Mask : w & ~i.Mask;
    }

    public bool InterceptsException(int vector) => (ExceptionIntercepts & (1u << vector)) != 0;

    public bool VGifEnabled => (IntCtl & IntCtlBits.VGifEnable) != 0;
    public bool VGif => (IntCtl & IntCtlBits.VGif) != 0;
}
