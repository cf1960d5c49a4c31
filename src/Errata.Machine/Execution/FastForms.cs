using Errata.Machine.Core;
using Iced.Intel;

namespace Errata.Machine.Execution;

/// <summary>
/// Specialised handlers for the 64-bit register forms that dominate loops (MOV, ADD, SUB, AND,
/// OR, XOR, CMP, TEST, INC, DEC, Jcc, JMP, NOP); every other instruction goes through the
/// generic handler table. Results and flags are identical to the generic path.
/// </summary>
internal sealed class FastForms
{
    /// <summary>Handlers are instance methods: delegates to them avoid the static-method shuffle thunk.</summary>
    private static readonly FastForms H = new();

    private static readonly SlotHandler Generic = (Cpu c, ref DecodedSlot s) => HandlerTable.Handlers[(int)s.Insn.Code](c, ref s.Insn);

    public static void Select(ref DecodedSlot s)
    {
        ref var i = ref s.Insn;
        s.Next = i.NextIP;
        s.Run = Generic;
        s.Hot = HotForm.None;
        switch (i.Code)
        {
            case Code.Nopd or Code.Nopq or Code.Nopw or Code.Pause:
                s.Run = H.Nop;
                return;
            case Code.Jmp_rel8_64 or Code.Jmp_rel32_64:
                s.Imm = i.NearBranch64;
                s.Run = H.Jmp;
                s.Hot = HotForm.Jmp;
                return;
        }
        if (i.IsJccShortOrNear && i.Op0Kind == OpKind.NearBranch64)
        {
            s.Imm = i.NearBranch64;
            s.Run = Alu.ConditionHandler(i.ConditionCode);
            s.Hot = i.ConditionCode switch
            {
                ConditionCode.ne => HotForm.Jnz,
                ConditionCode.e => HotForm.Jz,
                _ => HotForm.None,
            };
            return;
        }
        if (i.OpCount is < 1 or > 2 || i.Op0Kind != OpKind.Register || !Is64(i.Op0Register)) return;
        s.R0 = (byte)(i.Op0Register - Register.RAX);
        if (i.OpCount == 1)
        {
            (s.Run, s.Hot) = i.Mnemonic switch
            {
                Mnemonic.Inc => (H.Inc, HotForm.Inc),
                Mnemonic.Dec => (H.Dec, HotForm.Dec),
                _ => (Generic, HotForm.None),
            };
            return;
        }
        var regSource = i.Op1Kind == OpKind.Register && Is64(i.Op1Register);
        var immSource = i.Op1Kind is OpKind.Immediate8to64 or OpKind.Immediate32to64 or OpKind.Immediate64;
        if (!regSource && !immSource) return;
        if (regSource) s.R1 = (byte)(i.Op1Register - Register.RAX);
        else s.Imm = i.GetImmediate(1);
        s.Run = (i.Mnemonic, regSource) switch
        {
            (Mnemonic.Mov, true) => H.MovReg,
            (Mnemonic.Mov, false) => H.MovImm,
            (Mnemonic.Add, true) => H.AddReg,
            (Mnemonic.Add, false) => H.AddImm,
            (Mnemonic.Sub, true) => H.SubReg,
            (Mnemonic.Sub, false) => H.SubImm,
            (Mnemonic.Cmp, true) => H.CmpReg,
            (Mnemonic.Cmp, false) => H.CmpImm,
            (Mnemonic.And, true) => H.AndReg,
            (Mnemonic.Or, true) => H.OrReg,
            (Mnemonic.Xor, true) => H.XorReg,
            (Mnemonic.Test, true) => H.TestReg,
            _ => Generic,
        };
        s.Hot = (i.Mnemonic, regSource) switch
        {
            (Mnemonic.Mov, true) => HotForm.MovReg,
            (Mnemonic.Add, true) => HotForm.AddReg,
            (Mnemonic.Sub, true) => HotForm.SubReg,
            (Mnemonic.Xor, true) => HotForm.XorReg,
            (Mnemonic.Cmp, true) => HotForm.CmpReg,
            (Mnemonic.Cmp, false) => HotForm.CmpImm,
            (Mnemonic.Add, false) => HotForm.AddImm,
            (Mnemonic.Sub, false) => HotForm.SubImm,
            _ => HotForm.None,
        };
    }

    private static bool Is64(Register r) => r is >= Register.RAX and <= Register.R15;

    private ExecResult Nop(Cpu c, ref DecodedSlot s) => ExecResult.Next;

    private ExecResult Jmp(Cpu c, ref DecodedSlot s)
    {
        c.Rip = s.Imm;
        return ExecResult.Jump;
    }

    private ExecResult MovReg(Cpu c, ref DecodedSlot s)
    {
        c.Gpr[s.R0] = c.Gpr[s.R1];
        return ExecResult.Next;
    }

    private ExecResult MovImm(Cpu c, ref DecodedSlot s)
    {
        c.Gpr[s.R0] = s.Imm;
        return ExecResult.Next;
    }

    private ExecResult AddReg(Cpu c, ref DecodedSlot s)
    {
        ref var d = ref c.Gpr[s.R0];
        d = Alu.Add64(c, d, c.Gpr[s.R1]);
        return ExecResult.Next;
    }

    private ExecResult AddImm(Cpu c, ref DecodedSlot s)
    {
        ref var d = ref c.Gpr[s.R0];
        d = Alu.Add64(c, d, s.Imm);
        return ExecResult.Next;
    }

    private ExecResult SubReg(Cpu c, ref DecodedSlot s)
    {
        ref var d = ref c.Gpr[s.R0];
        d = Alu.Sub64(c, d, c.Gpr[s.R1]);
        return ExecResult.Next;
    }

    private ExecResult SubImm(Cpu c, ref DecodedSlot s)
    {
        ref var d = ref c.Gpr[s.R0];
        d = Alu.Sub64(c, d, s.Imm);
        return ExecResult.Next;
    }

    private ExecResult CmpReg(Cpu c, ref DecodedSlot s)
    {
        Alu.Sub64(c, c.Gpr[s.R0], c.Gpr[s.R1]);
        return ExecResult.Next;
    }

    private ExecResult CmpImm(Cpu c, ref DecodedSlot s)
    {
        Alu.Sub64(c, c.Gpr[s.R0], s.Imm);
        return ExecResult.Next;
    }

    private ExecResult AndReg(Cpu c, ref DecodedSlot s)
    {
        ref var d = ref c.Gpr[s.R0];
        d = Alu.Logic64(c, d & c.Gpr[s.R1]);
        return ExecResult.Next;
    }

    private ExecResult OrReg(Cpu c, ref DecodedSlot s)
    {
        ref var d = ref c.Gpr[s.R0];
        d = Alu.Logic64(c, d | c.Gpr[s.R1]);
        return ExecResult.Next;
    }

    private ExecResult XorReg(Cpu c, ref DecodedSlot s)
    {
        ref var d = ref c.Gpr[s.R0];
        d = Alu.Logic64(c, d ^ c.Gpr[s.R1]);
        return ExecResult.Next;
    }

    private ExecResult TestReg(Cpu c, ref DecodedSlot s)
    {
        Alu.Logic64(c, c.Gpr[s.R0] & c.Gpr[s.R1]);
        return ExecResult.Next;
    }

    private ExecResult Inc(Cpu c, ref DecodedSlot s)
    {
        ref var d = ref c.Gpr[s.R0];
        d = Alu.IncDec64(c, d, 1);
        return ExecResult.Next;
    }

    private ExecResult Dec(Cpu c, ref DecodedSlot s)
    {
        ref var d = ref c.Gpr[s.R0];
        d = Alu.IncDec64(c, d, ulong.MaxValue);
        return ExecResult.Next;
    }
}
