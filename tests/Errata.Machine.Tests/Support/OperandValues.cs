using CsCheck;

namespace Errata.Machine.Tests.Support;

/// <summary>Random 64-bit operands, a quarter of them at the values where arithmetic flags turn.</summary>
internal static class OperandValues
{
    public static readonly Gen<ulong> Value = Gen.Frequency(
        (3, Gen.ULong),
        (1, Gen.OneOf<ulong>(0UL, 1UL, ulong.MaxValue, 0x8000_0000_0000_0000, 0x7FFF_FFFF_FFFF_FFFF, 0x80, 0x7F, 0xF, 0x10)));
}
