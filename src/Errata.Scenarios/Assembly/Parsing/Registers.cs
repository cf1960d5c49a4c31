using Iced.Intel;

namespace Errata.Scenarios.Assembly.Parsing;

/// <summary>
/// The register names the assembler accepts: every general register, the segment
/// registers, the control registers the machine has (cr0 cr2 cr3 cr4 cr8) and dr0-dr7.
/// </summary>
internal static class Registers
{
    private static readonly Dictionary<string, Register> ByName = Build();

    public static bool TryGet(string name, out Register register) => ByName.TryGetValue(name, out register);

    /// <summary>
    /// A name shaped like a register that is not one (dr9, cr5, r16d): reported as an
    /// invalid operand rather than taken for an undefined label.
    /// </summary>
    public static bool LooksLikeRegister(string name)
    {
        var prefixLength = name.StartsWith("cr", StringComparison.OrdinalIgnoreCase) || name.StartsWith("dr", StringComparison.OrdinalIgnoreCase) ? 2
            : name.StartsWith('r') || name.StartsWith('R') ? 1 : 0;
        if (prefixLength == 0) return false;
        var rest = name.AsSpan(prefixLength).TrimEnd("bwdBWD");
        if (rest.IsEmpty || (prefixLength == 2 && rest.Length != name.Length - 2)) return false;
        foreach (var c in rest)
            if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    private static Dictionary<string, Register> Build()
    {
        var map = new Dictionary<string, Register>(StringComparer.OrdinalIgnoreCase);
        for (var r = Register.AL; r <= Register.R15; r++)
            map[r.ToString()] = r;
        foreach (var r in new[] { Register.ES, Register.CS, Register.SS, Register.DS, Register.FS, Register.GS,
                                  Register.CR0, Register.CR2, Register.CR3, Register.CR4, Register.CR8 })
            map[r.ToString()] = r;
        for (var r = Register.DR0; r <= Register.DR7; r++)
            map[r.ToString()] = r;
        // Iced names the 8-bit low registers of r8-r15 "R8L"; NASM writes r8b.
        for (var r = Register.R8L; r <= Register.R15L; r++)
        {
            map.Remove(r.ToString());
            map[r.ToString()[..^1] + "b"] = r;
        }
        return map;
    }
}
