using Errata.Scenarios.Assembly.Parsing;
using Iced.Intel;

namespace Errata.Scenarios.Assembly.Encoding;

/// <summary>
/// Narrows a mnemonic's encodings to those whose operand kinds fit the written operands,
/// before any value is known; what is left differs only in immediate width or branch reach.
/// </summary>
internal static class ShapeMatcher
{
    public static List<Candidate> Match(IReadOnlyList<Candidate> candidates, IReadOnlyList<Operand> operands)
    {
        var matches = new List<Candidate>(4);
        bool any32Or64 = false;
        foreach (var c in candidates)
        {
            if (!Fits(c, operands)) continue;
            matches.Add(c);
            any32Or64 |= c.OperandSize != 16;
        }
        // With nothing to fix the operand size (push 5, ret 8, nop), NASM takes the default
        // 32/64-bit forms, never the 16-bit ones behind a 66h prefix.
        if (any32Or64 && !AnySized(operands))
            matches.RemoveAll(c => c.OperandSize == 16);
        return matches;
    }

    /// <summary>True when the forms left read memory of different sizes and the text did not say which.</summary>
    public static bool SizeIsAmbiguous(List<Candidate> matches, IReadOnlyList<Operand> operands)
    {
        bool unsized = false;
        foreach (var o in operands)
            unsized |= o is MemoryReference { Size: 0 };
        if (!unsized) return false;
        int size = 0;
        foreach (var c in matches)
        {
            if (c.MemorySize == 0) continue;
            if (size != 0 && size != c.MemorySize) return true;
            size = c.MemorySize;
        }
        return false;
    }

    private static bool Fits(Candidate c, IReadOnlyList<Operand> operands)
    {
        if (c.Explicit.Length == 0 && operands.Count == 1 && operands[0] is RegisterOperand r)
            return ImpliedAddressRegister(c) == r.Register;
        if (c.Explicit.Length != operands.Count) return false;
        for (int i = 0; i < operands.Count; i++)
            if (!OperandMatcher.AcceptsShape(c.Explicit[i], operands[i], c)) return false;
        // 90h (with any REX.W or 66h) is nop, so "xchg rax, rax" needs 87h /r.
        return !(c.Code is Code.Xchg_r16_AX or Code.Xchg_r32_EAX or Code.Xchg_r64_RAX
                 && operands[0] is RegisterOperand { Register: Register.AX or Register.EAX or Register.RAX });
    }

    /// <summary>NASM's <c>vmrun rax</c> (and vmload, vmsave) names the implicit address register.</summary>
    private static Register ImpliedAddressRegister(Candidate c) =>
        c.Code.Mnemonic() is Mnemonic.Vmrun or Mnemonic.Vmload or Mnemonic.Vmsave
            ? c.AddressSize switch { 64 => Register.RAX, 32 => Register.EAX, _ => Register.AX }
            : Register.None;

    private static bool AnySized(IReadOnlyList<Operand> operands)
    {
        foreach (var o in operands)
            if (o is RegisterOperand or MemoryReference { Size: > 0 }) return true;
        return false;
    }
}
