using Iced.Intel;

namespace Errata.Scenarios.Assembly.Encoding;

/// <summary>
/// Mnemonic (lower case, NASM's spelling) to the 64-bit-mode legacy encodings Iced knows
/// for it, in Iced's table order. Built once, on first use, by walking the Code enum.
/// </summary>
internal static class MnemonicTable
{
    private static readonly Dictionary<string, Candidate[]> ByMnemonic;
    private static readonly HashSet<string> OutsideTheTable;

    /// <summary>NASM spellings Iced does not use as its mnemonic names.</summary>
    private static readonly (string Nasm, string Iced)[] Aliases =
    [
        ("jz", "je"), ("jnz", "jne"), ("jc", "jb"), ("jnae", "jb"), ("jnc", "jae"), ("jnb", "jae"),
        ("jna", "jbe"), ("jnbe", "ja"), ("jnge", "jl"), ("jnl", "jge"), ("jng", "jle"), ("jnle", "jg"),
        ("jpe", "jp"), ("jpo", "jnp"),
        ("loopz", "loope"), ("loopnz", "loopne"),
        ("icebp", "int1"), ("sal", "shl"),
    ];

    static MnemonicTable()
    {
        var lists = new Dictionary<string, List<Candidate>>(StringComparer.OrdinalIgnoreCase);
        OutsideTheTable = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var code in Enum.GetValues<Code>())
        {
            var info = code.ToOpCode();
            if (!info.IsInstruction) continue;
            var name = info.Mnemonic.ToString().ToLowerInvariant();
            if (!info.Mode64 || info.Encoding != EncodingKind.Legacy || !Assemblable(info))
            {
                OutsideTheTable.Add(name);
                continue;
            }
            if (!lists.TryGetValue(name, out var list)) lists[name] = list = [];
            list.Add(new Candidate(code));
        }
        // In 64-bit mode NASM's pushf/popf are the 64-bit forms; Iced's "pushf" is the 16-bit one.
        (lists["pushfw"], lists["pushf"]) = (lists["pushf"], lists["pushfq"]);
        (lists["popfw"], lists["popf"]) = (lists["popf"], lists["popfq"]);
        foreach (var (nasm, iced) in Aliases)
            lists[nasm] = lists[iced];
        foreach (var (cc, cc2) in ConditionAliases())
        {
            lists["set" + cc] = lists["set" + cc2];
            lists["cmov" + cc] = lists["cmov" + cc2];
        }
        ByMnemonic = lists.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
        OutsideTheTable.ExceptWith(ByMnemonic.Keys);
    }

    public static bool TryGet(string mnemonic, out Candidate[] candidates) =>
        ByMnemonic.TryGetValue(mnemonic, out candidates!);

    /// <summary>An Iced mnemonic whose forms the assembler cannot take (vector, far, x87...): unsupported, not unknown.</summary>
    public static bool IsKnownElsewhere(string mnemonic) => OutsideTheTable.Contains(mnemonic);

    private static IEnumerable<(string, string)> ConditionAliases() =>
        Aliases.Where(a => a.Nasm.StartsWith('j') && a.Iced.StartsWith('j')).Select(a => (a.Nasm[1..], a.Iced[1..]));

    /// <summary>Forms whose operands the text syntax can express: general, segment, control and debug registers, memory, immediates, 64-bit near branches.</summary>
    private static bool Assemblable(OpCodeInfo info)
    {
        for (int i = 0; i < info.OpCount; i++)
            if (!AcceptedKind(info.GetOpKind(i))) return false;
        // Far branches through memory need NASM's 'far', which scenarios have no use for.
        return !(info.Mnemonic is Mnemonic.Call or Mnemonic.Jmp && info.MemorySize is MemorySize.SegPtr16 or MemorySize.SegPtr32 or MemorySize.SegPtr64);
    }

    private static bool AcceptedKind(OpCodeOperandKind kind) => kind switch
    {
        OpCodeOperandKind.mem or OpCodeOperandKind.r8_or_mem or OpCodeOperandKind.r16_or_mem
            or OpCodeOperandKind.r32_or_mem or OpCodeOperandKind.r64_or_mem => true,
        OpCodeOperandKind.r8_reg or OpCodeOperandKind.r8_opcode or OpCodeOperandKind.r16_reg or OpCodeOperandKind.r16_rm
            or OpCodeOperandKind.r16_opcode or OpCodeOperandKind.r32_reg or OpCodeOperandKind.r32_rm or OpCodeOperandKind.r32_opcode
            or OpCodeOperandKind.r64_reg or OpCodeOperandKind.r64_rm or OpCodeOperandKind.r64_opcode
            or OpCodeOperandKind.seg_reg or OpCodeOperandKind.cr_reg or OpCodeOperandKind.dr_reg => true,
        OpCodeOperandKind.es or OpCodeOperandKind.cs or OpCodeOperandKind.ss or OpCodeOperandKind.ds or OpCodeOperandKind.fs
            or OpCodeOperandKind.gs or OpCodeOperandKind.al or OpCodeOperandKind.cl or OpCodeOperandKind.ax or OpCodeOperandKind.dx
            or OpCodeOperandKind.eax or OpCodeOperandKind.rax => true,
        OpCodeOperandKind.imm8 or OpCodeOperandKind.imm8_const_1 or OpCodeOperandKind.imm8sex16 or OpCodeOperandKind.imm8sex32
            or OpCodeOperandKind.imm8sex64 or OpCodeOperandKind.imm16 or OpCodeOperandKind.imm32 or OpCodeOperandKind.imm32sex64
            or OpCodeOperandKind.imm64 => true,
        OpCodeOperandKind.br64_1 or OpCodeOperandKind.br64_4 => true,
        _ => Candidate.IsStringOperand(kind),
    };
}
