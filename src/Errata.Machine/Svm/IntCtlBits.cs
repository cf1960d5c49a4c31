namespace Errata.Machine.Svm;

/// <summary>VMCB offset 060h, Linux's int_ctl (APM 15.21, 15.33.2).</summary>
internal static class IntCtlBits
{
    public const uint VTpr = 0xFu;
    public const int VIntrPrioShift = 16;
    public const uint VIntrPrio = 0xFu << VIntrPrioShift;
    public const uint VIgnTpr = 1u << 20;
    public const uint VIrq = 1u << 8;
    public const uint VGif = 1u << 9;
    public const uint VIntrMasking = 1u << 24;
    public const uint VGifEnable = 1u << 25;

    /// <summary>Whether a pending V_IRQ may be taken: V_IGN_TPR, or V_INTR_PRIO above V_TPR (APM 15.21.4).</summary>
    public static bool VirqAboveTpr(uint intCtl) =>
        (intCtl & VIgnTpr) != 0 || ((intCtl & VIntrPrio) >> VIntrPrioShift) > (intCtl & VTpr);
}

/// <summary>EVENTINJ / EXITINTINFO layout (APM 15.20).</summary>
internal static class EventInj
{
    public const ulong Valid = 1UL << 31;
    public const ulong ErrorValid = 1UL << 11;
    public const int TypeIntr = 0, TypeNmi = 2, TypeException = 3, TypeSoftware = 4;

    public static ulong Make(int type, int vector, uint? error = null) =>
        Valid | ((ulong)type << 8) | (uint)vector | (error is { } e ? ErrorValid | ((ulong)e << 32) : 0);

    public static int Type(ulong e) => (int)(e >> 8) & 7;
    public static int Vector(ulong e) => (int)(e & 0xFF);
}
