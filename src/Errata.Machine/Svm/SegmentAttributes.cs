namespace Errata.Machine.Svm;

/// <summary>
/// The 12-bit segment attribute field of a VMCB segment (APM Vol. 2 15.5.1, Appendix B): the
/// descriptor's type (3:0), S, DPL, P, AVL, L, D/B and G packed together.
/// </summary>
internal static class SegmentAttributes
{
    public const ushort S = 1 << 4, P = 1 << 7, L = 1 << 9, DB = 1 << 10;

    /// <summary>A present 64-bit code segment, execute/read, accessed, DPL 0.</summary>
    public const ushort Code64 = 0xB | S | P | L;

    /// <summary>A present data segment, read/write, accessed, DPL 0.</summary>
    public const ushort Data = 0x3 | S | P;
}
