using Iced.Intel;

namespace Errata.Machine.Execution;

/// <summary>
/// Chooses, once per decoding, how a cached instruction runs: as a <see cref="FastForm"/> with
/// its operands extracted, or through its handler from <see cref="HandlerTable"/>. Only
/// instructions the table supports can be fast forms, so the fast tier never widens the
/// supported list.
/// </summary>
internal static class FastFormSelection
{
    /// <summary>The two-operand fast forms by mnemonic: with a register source, and with an immediate.</summary>
    private static readonly Dictionary<Mnemonic, (FastForm Reg, FastForm Imm)> Binary = new()
    {
        [Mnemonic.Mov] = (FastForm.MovReg, FastForm.MovImm),
        [Mnemonic.Add] = (FastForm.AddReg, FastForm.AddImm),
        [Mnemonic.Sub] = (FastForm.SubReg, FastForm.SubImm),
        [Mnemonic.Cmp] = (FastForm.CmpReg, FastForm.CmpImm),
        [Mnemonic.And] = (FastForm.AndReg, FastForm.AndImm),
        [Mnemonic.Or] = (FastForm.OrReg, FastForm.OrImm),
        [Mnemonic.Xor] = (FastForm.XorReg, FastForm.XorImm),
        [Mnemonic.Test] = (FastForm.TestReg, FastForm.TestImm),
    };

    public static void Select(ref DecodedSlot s)
    {
        var code = s.Insn.Code;
        s.Next = s.Insn.NextIP;
        s.Run = HandlerTable.Handlers[(int)code];
        s.Form = HandlerTable.Supported[(int)code] ? Classify(ref s) : FastForm.None;
    }

    private static FastForm Classify(ref DecodedSlot s)
    {
        ref var i = ref s.Insn;
        if (i.Mnemonic is Mnemonic.Nop or Mnemonic.Pause) return FastForm.Nop;
        if (i.Op0Kind == OpKind.NearBranch64 && (i.Mnemonic == Mnemonic.Jmp || i.IsJccShortOrNear))
        {
            s.Imm = i.NearBranch64;
            s.Condition = i.ConditionCode;
            return i.ConditionCode switch
            {
                ConditionCode.None => FastForm.Jmp,
                ConditionCode.e => FastForm.Jz,
                ConditionCode.ne => FastForm.Jnz,
                _ => FastForm.Jcc,
            };
        }
        if (i.OpCount is < 1 or > 2 || i.Op0Kind != OpKind.Register || !Is64(i.Op0Register)) return FastForm.None;
        s.R0 = (byte)(i.Op0Register - Register.RAX);
        if (i.OpCount == 1)
            return i.Mnemonic switch
            {
                Mnemonic.Inc => FastForm.Inc,
                Mnemonic.Dec => FastForm.Dec,
                _ => FastForm.None,
            };
        if (!Binary.TryGetValue(i.Mnemonic, out var forms)) return FastForm.None;
        if (i.Op1Kind == OpKind.Register && Is64(i.Op1Register))
        {
            s.R1 = (byte)(i.Op1Register - Register.RAX);
            return forms.Reg;
        }
        if (i.Op1Kind is not (OpKind.Immediate8to64 or OpKind.Immediate32to64 or OpKind.Immediate64)) return FastForm.None;
        s.Imm = i.GetImmediate(1);
        return forms.Imm;
    }

    private static bool Is64(Register r) => r is >= Register.RAX and <= Register.R15;
}
