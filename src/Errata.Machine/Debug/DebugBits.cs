namespace Errata.Machine.Debug;

/// <summary>DR6 and DR7 bit layout (APM Vol. 2 13.1.1; Linux DR6_ACTIVE_LOW, DR7_FIXED_1).</summary>
internal static class DebugBits
{
    /// <summary>DR6 with nothing reported: bits 4-11 and 16-31 read as 1 on AMD.</summary>
    public const ulong Dr6ActiveLow = 0xFFFF0FF0;
    public const ulong Dr6TrapBits = 0xF;
    public const ulong Dr6BD = 1UL << 13;
    public const ulong Dr6BS = 1UL << 14;
    public const ulong Dr6BT = 1UL << 15;
    public const ulong Dr6Writable = Dr6TrapBits | Dr6BD | Dr6BS | Dr6BT;

    public const ulong Dr7Fixed1 = 0x400;
    public const ulong Dr7GD = 1UL << 13;
    /// <summary>L0-3/G0-3, LE, GE, GD and the R/W and LEN fields; the rest reads as 0 (bit 10 as 1).</summary>
    public const ulong Dr7Writable = 0xFFFF23FF;
    /// <summary>All local and global enables: what #VMEXIT clears in the host's DR7.</summary>
    public const ulong Dr7Enables = 0xFF;

    public static int Type(ulong dr7, int n) => (int)(dr7 >> (16 + 4 * n)) & 3;

    public static int Length(ulong dr7, int n) => ((dr7 >> (18 + 4 * n)) & 3) switch
    {
        0 => 1,
        1 => 2,
        2 => 8,
        _ => 4,
    };

    public static bool Enabled(ulong dr7, int n) => ((dr7 >> (2 * n)) & 3) != 0;
}
