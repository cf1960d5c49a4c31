namespace Errata.Machine.Svm;

/// <summary>Which intercept vector word an intercept bit lives in (VMCB 00Ch or 010h).</summary>
internal enum InterceptWord
{
    Misc1,
    Misc2,
}

/// <summary>An intercept bit and the exit code it produces (APM Vol. 2 Appendix B, C).</summary>
internal readonly record struct Intercept(InterceptWord Word, uint Mask, int ExitCode)
{
    public static readonly Intercept Intr = new(InterceptWord.Misc1, 1u << 0, ExitCodes.Intr);
    public static readonly Intercept Nmi = new(InterceptWord.Misc1, 1u << 1, ExitCodes.Nmi);
    public static readonly Intercept Smi = new(InterceptWord.Misc1, 1u << 2, ExitCodes.Smi);
    public static readonly Intercept Init = new(InterceptWord.Misc1, 1u << 3, ExitCodes.Init);
    public static readonly Intercept VIntr = new(InterceptWord.Misc1, 1u << 4, ExitCodes.VIntr);
    public static readonly Intercept Rsm = new(InterceptWord.Misc1, 1u << 19, ExitCodes.Rsm);
    public static readonly Intercept IntN = new(InterceptWord.Misc1, 1u << 21, ExitCodes.Swint);
    public static readonly Intercept Hlt = new(InterceptWord.Misc1, 1u << 24, ExitCodes.Hlt);
    public static readonly Intercept Ioio = new(InterceptWord.Misc1, 1u << 27, ExitCodes.Ioio);
    public static readonly Intercept Msr = new(InterceptWord.Misc1, 1u << 28, ExitCodes.Msr);
    public static readonly Intercept Shutdown = new(InterceptWord.Misc1, 1u << 31, ExitCodes.Shutdown);
    public static readonly Intercept Vmrun = new(InterceptWord.Misc2, 1u << 0, ExitCodes.Vmrun);
    public static readonly Intercept Vmmcall = new(InterceptWord.Misc2, 1u << 1, ExitCodes.Vmmcall);
    public static readonly Intercept Vmload = new(InterceptWord.Misc2, 1u << 2, ExitCodes.Vmload);
    public static readonly Intercept Vmsave = new(InterceptWord.Misc2, 1u << 3, ExitCodes.Vmsave);
    public static readonly Intercept Stgi = new(InterceptWord.Misc2, 1u << 4, ExitCodes.Stgi);
    public static readonly Intercept Clgi = new(InterceptWord.Misc2, 1u << 5, ExitCodes.Clgi);
    public static readonly Intercept Icebp = new(InterceptWord.Misc2, 1u << 8, ExitCodes.Icebp);
}

/// <summary>#VMEXIT codes (APM Vol. 2 Appendix C).</summary>
internal static class ExitCodes
{
    public const int ReadDr0 = 0x20, WriteDr0 = 0x30, Exception0 = 0x40;
    public const int Intr = 0x60, Nmi = 0x61, Smi = 0x62, Init = 0x63, VIntr = 0x64;
    public const int Rsm = 0x73, Swint = 0x75, Hlt = 0x78, Ioio = 0x7B, Msr = 0x7C, Shutdown = 0x7F;
    public const int Vmrun = 0x80, Vmmcall = 0x81, Vmload = 0x82, Vmsave = 0x83, Stgi = 0x84, Clgi = 0x85, Icebp = 0x88;
    public const int Invalid = -1;
}
