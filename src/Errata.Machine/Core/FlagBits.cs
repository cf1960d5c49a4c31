namespace Errata.Machine.Core;

/// <summary>RFLAGS bit masks (APM Vol. 2 3.1.6).</summary>
internal static class FlagBits
{
    public const ulong CF = 1UL << 0;
    public const ulong Fixed1 = 1UL << 1;
    public const ulong PF = 1UL << 2;
    public const ulong AF = 1UL << 4;
    public const ulong ZF = 1UL << 6;
    public const ulong SF = 1UL << 7;
    public const ulong TF = 1UL << 8;
    public const ulong IF = 1UL << 9;
    public const ulong DF = 1UL << 10;
    public const ulong OF = 1UL << 11;
    public const int IoplShift = 12;
    public const ulong Iopl = 3UL << IoplShift;
    public const ulong NT = 1UL << 14;
    public const ulong RF = 1UL << 16;

    public const ulong Arithmetic = CF | PF | AF | ZF | SF | OF;

    /// <summary>Bits POPFQ and IRETQ may change at CPL 0 (IOPL, VM, VIF, VIP, AC, ID left out: not modelled).</summary>
    public const ulong Writable = Arithmetic | TF | IF | DF | NT | RF;
}
