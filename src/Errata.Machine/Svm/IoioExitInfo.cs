namespace Errata.Machine.Svm;

/// <summary>
/// EXITINFO1 of #VMEXIT(IOIO) (APM Vol. 2 15.10.2, Figure 15-2; Linux SVM_IOIO_*): TYPE (bit 0,
/// 1 for IN), the operand size one-hot in bits 4-6, the address size one-hot in bits 7-9 and the
/// port in bits 31:16. EXITINFO2 holds the RIP of the next instruction.
/// </summary>
internal static class IoioExitInfo
{
    public const ulong TypeIn = 1;
    private const int SizeShift = 4;
    private const ulong AddressSize64 = 1UL << 9;

    /// <summary>An IN or OUT (not string, not REP) in 64-bit mode.</summary>
    public static ulong Make(ushort port, int size, bool input) =>
        ((ulong)port << 16) | ((ulong)size << SizeShift) | AddressSize64 | (input ? TypeIn : 0);

    public static ushort Port(ulong info) => (ushort)(info >> 16);

    /// <summary>The operand size in bytes: 1, 2 or 4 (SZ8, SZ16, SZ32).</summary>
    public static int Size(ulong info) => (int)(info >> SizeShift) & 7;

    public static bool IsIn(ulong info) => (info & TypeIn) != 0;
}
