using Iced.Intel;

namespace Errata.Machine.Core;

/// <summary>Maps Iced's general registers to a slot in the register file, a width in bytes and a bit shift (AH..BH).</summary>
internal static class RegisterTable
{
    /// <summary>Covers every general register value of Iced's enum (they come first).</summary>
    private const int RegisterCount = 256;

    public static readonly byte[] Index = new byte[RegisterCount];
    public static readonly byte[] Size = new byte[RegisterCount];
    public static readonly byte[] Shift = new byte[RegisterCount];

    static RegisterTable()
    {
        for (var k = 0; k < 20; k++)
        {
            var r = (int)Register.AL + k;
            Size[r] = 1;
            (Index[r], Shift[r]) = k switch
            {
                < 4 => ((byte)k, (byte)0),
                < 8 => ((byte)(k - 4), (byte)8),
                < 12 => ((byte)(k - 4), (byte)0),
                _ => ((byte)(k - 4), (byte)0),
            };
        }
        for (var k = 0; k < 16; k++)
        {
            Set(Register.AX + k, k, 2);
            Set(Register.EAX + k, k, 4);
            Set(Register.RAX + k, k, 8);
        }
    }

    private static void Set(Register r, int index, int size)
    {
        Index[(int)r] = (byte)index;
        Size[(int)r] = (byte)size;
    }

    public static bool IsGeneral(Register r) => r is >= Register.AL and <= Register.R15;
}
