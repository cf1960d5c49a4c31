using System.Runtime.CompilerServices;
using Errata.Machine.Core;

namespace Errata.Machine.Execution;

/// <summary>
/// What each <see cref="FastForm"/> does: the only implementation of the fast tier. Results and
/// flags are those of the generic handlers for the same instruction (the machine tests check
/// that every form agrees); the flags are recorded lazily (<see cref="Cpu.SetLazyFlags"/>).
/// </summary>
internal static class FastForms
{
    /// <summary>Runs the form and returns the next RIP. Inlined into the step loop's two call sites.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Execute(Cpu c, ref DecodedSlot s)
    {
        var g = c.Gpr;
        switch (s.Form)
        {
            case FastForm.MovReg: g[s.R0] = g[s.R1]; break;
            case FastForm.MovImm: g[s.R0] = s.Imm; break;
            case FastForm.AddReg: g[s.R0] = Alu.Add64(c, g[s.R0], g[s.R1]); break;
            case FastForm.AddImm: g[s.R0] = Alu.Add64(c, g[s.R0], s.Imm); break;
            case FastForm.SubReg: g[s.R0] = Alu.Sub64(c, g[s.R0], g[s.R1]); break;
            case FastForm.SubImm: g[s.R0] = Alu.Sub64(c, g[s.R0], s.Imm); break;
            case FastForm.CmpReg: Alu.Sub64(c, g[s.R0], g[s.R1]); break;
            case FastForm.CmpImm: Alu.Sub64(c, g[s.R0], s.Imm); break;
            case FastForm.AndReg: g[s.R0] = Alu.Logic64(c, g[s.R0] & g[s.R1]); break;
            case FastForm.AndImm: g[s.R0] = Alu.Logic64(c, g[s.R0] & s.Imm); break;
            case FastForm.OrReg: g[s.R0] = Alu.Logic64(c, g[s.R0] | g[s.R1]); break;
            case FastForm.OrImm: g[s.R0] = Alu.Logic64(c, g[s.R0] | s.Imm); break;
            case FastForm.XorReg: g[s.R0] = Alu.Logic64(c, g[s.R0] ^ g[s.R1]); break;
            case FastForm.XorImm: g[s.R0] = Alu.Logic64(c, g[s.R0] ^ s.Imm); break;
            case FastForm.TestReg: Alu.Logic64(c, g[s.R0] & g[s.R1]); break;
            case FastForm.TestImm: Alu.Logic64(c, g[s.R0] & s.Imm); break;
            case FastForm.Inc: g[s.R0] = Alu.IncDec64(c, g[s.R0], 1); break;
            case FastForm.Dec: g[s.R0] = Alu.IncDec64(c, g[s.R0], ulong.MaxValue); break;
            case FastForm.Jz: return c.ZeroFlag ? s.Imm : s.Next;
            case FastForm.Jnz: return !c.ZeroFlag ? s.Imm : s.Next;
            case FastForm.Jcc: return Alu.Condition(c.Rflags, s.Condition) ? s.Imm : s.Next;
            case FastForm.Jmp: return s.Imm;
        }
        return s.Next;
    }
}
