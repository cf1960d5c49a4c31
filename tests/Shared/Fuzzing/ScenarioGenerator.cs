namespace Errata.Testing.Fuzzing;

/// <summary>
/// Scenario bodies in the language of docs/guide/scenarios.md: header lines, sections of
/// instructions from the machine's set (and a few it rejects), and expect lines with random
/// assertions. Budgets stay small so that a legitimate run is quick and a slow one stands out.
/// </summary>
internal static class ScenarioGenerator
{
    private static readonly string[] Registers =
        ["rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp", "r8", "r9", "r15", "eax", "ax", "al", "ah", "r8d", "r10w", "r11b"];
    private static readonly string[] Special = ["cr0", "cr2", "cr3", "cr4", "cr8", "dr0", "dr1", "dr2", "dr3", "dr6", "dr7", "ds", "es", "ss", "fs", "gs"];
    private static readonly string[] Plain =
        ["nop", "hlt", "cli", "sti", "clgi", "stgi", "pushfq", "popfq", "iretq", "ret", "int3", "int1", "pause", "rdmsr", "wrmsr", "vmrun", "vmmcall", "vmload", "vmsave", "vmrun rax", "vmload rax"];
    private static readonly string[] Conditions = ["jmp", "je", "jne", "jz", "jnz", "jc", "jnc", "ja", "jb", "jl", "jg", "jo", "js", "jp", "call"];
    private static readonly string[] Rejected = ["movz", "add rax, 1", "xchg rax, rbx", "cpuid", "rdtsc", "lea rax, [rel nowhere]", "mov", "mov rax,", "mov [rax+rbx*3], 1", "db 0x0f, 0x0b", "dq", "align 16", "times 3 nop"];
    private static readonly string[] Sizes = ["byte", "word", "dword", "qword", ""];
    private static readonly string[] Events =
        ["#DB", "#BP", "#UD", "#GP", "#PF", "#NM", "#DF", "nmi", "smi", "init", "intr 0x20", "vmexit vmmcall", "vmexit excp1", "#XX", "intr 256", "vmexit nosuch", "vmexit"];
    private static readonly string[] Fields = ["rax", "rbx", "rsp", "rip", "gif", "rflags.if", "rflags.rf", "dr6", "dr7", "cr0", "rflags", "[0x460070]", "[slot]", "dr6.b0", "nosuch", "[nowhere]", "[0xffffffffffffffff]"];
    private static readonly string[] Ends = ["halted", "stopped", "shutdown", "reset", "budget exceeded"];
    private static readonly string[] ProfileNames = ["apm", "kvm", "kvm-novgif", "all", "nosuch", "APM", ""];
    private static readonly string[] VmcbKeys =
        ["intercept_cr", "intercept_dr", "intercept_exceptions", "intercept_misc1", "intercept_misc2", "int_ctl", "v_intr_vector", "int_state", "eventinj",
         "rip", "rsp", "rax", "rflags", "cr0", "cr3", "cr4", "efer", "dr6", "dr7", "cpl", "intercept_exception", "intercept_intr", "intercept_nmi",
         "intercept_vmrun", "intercept_vmmcall", "intercept_stgi", "intercept_clgi", "v_irq", "v_gif", "v_intr_masking", "v_gif_enable", "nosuch"];

    /// <summary>
    /// Header lines and body, as lines without their block's indentation or fence. Most
    /// scenarios are clean (every name they use exists, every instruction is supported), so
    /// that they get past the assembler to the machine, the judge and the renderer; the rest
    /// mix in what the language rejects.
    /// </summary>
    public static List<string> Body(FuzzRandom r)
    {
        var clean = r.Chance(0.85);
        var labels = new List<string> { "start", "target", "slot" };
        var profiles = clean ? ProfileNames[..3] : ProfileNames;
        var events = clean ? Events[..13] : Events;
        var lines = new List<string>();
        if (r.Chance(0.5)) lines.Add("title: " + InlineText.Sentence(r));
        if (r.Chance(0.5))
        {
            var named = Enumerable.Range(0, r.Between(1, 3)).Select(_ => r.Pick(profiles)).Distinct().ToArray();
            lines.Add("profiles: " + (r.Chance(0.2) ? "all" : string.Join(r.Chance(0.5) ? " " : ", ", named)));
            // An expect line may only name profiles its scenario runs.
            if (clean && !lines[^1].EndsWith("all", StringComparison.Ordinal)) profiles = named;
        }
        // A scenario without a budget header runs up to the default limit; most get a small one.
        if (r.Chance(0.8)) lines.Add("budget: " + (clean || r.Chance(0.9) ? r.Between(1, 400).ToString(System.Globalization.CultureInfo.InvariantCulture) : r.Pick<string>(["0", "-5", "1_000", "x", ""])));
        var guest = r.Chance(0.3);
        for (var i = r.Next(3); i > 0; i--) lines.Add($"inject: {r.Pick(clean ? Events[7..11] : Events)} at {r.Pick(labels)}");
        for (var i = guest ? r.Next(3) : clean ? 0 : r.Next(10) == 0 ? 1 : 0; i > 0; i--)
            lines.Add("vmcb: " + string.Join(' ', Enumerable.Range(0, r.Between(1, 3)).Select(_ => $"{r.Pick(clean ? VmcbKeys[..^1] : VmcbKeys)}={(clean ? r.Next(0x400).ToString(System.Globalization.CultureInfo.InvariantCulture) : r.Number())}")));
        if (!clean && r.Chance(0.1)) lines.Add(r.Pick<string>(["budget: 5", "nosuch: 1", "title:", ":", "profiles:"]));

        lines.Add("");
        lines.Add("code:");
        lines.Add("start:  nop");
        lines.AddRange(Code(r, labels, r.Between(1, 12), clean));
        lines.Add("target: " + (clean ? r.Pick(Plain[..6]) : Instruction(r, labels, clean)));
        if (clean || r.Chance(0.5)) { lines.Add("data:"); lines.Add("slot:   dq " + (clean ? r.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture) : r.Number())); }
        if (guest) { lines.Add("guest:"); lines.AddRange(Code(r, labels, r.Between(1, 5), clean)); }
        if (r.Chance(0.2)) { lines.Add($"handler {r.Pick(clean ? ["#DB", "#BP", "#GP", "nmi", "intr 0x20"] : (string[])["#DB", "#BP", "#GP", "nmi", "intr 0x20", "#ZZ", "300"])}:"); lines.AddRange(Code(r, labels, r.Between(1, 4), clean)); }
        if (!clean && r.Chance(0.05)) lines.Add(r.Pick<string>(["code:", "handler:", "guest:", "nosuch:"]));

        lines.Add("");
        for (var i = r.Between(0, 5); i > 0; i--) lines.Add(Expect(r, labels, profiles, events, clean));
        // A gap line names some of the profiles run (a clean one leaves at least one out).
        if (r.Chance(0.2) && (!clean || profiles.Length > 1))
            lines.Add($"gap {(clean ? r.Pick(profiles) : string.Join(' ', Enumerable.Range(0, r.Between(0, 3)).Select(_ => r.Pick(profiles)).Distinct()))}: {Assertion(r, labels, events, clean)}");
        return lines;
    }

    private static IEnumerable<string> Code(FuzzRandom r, List<string> labels, int count, bool clean)
    {
        for (var i = 0; i < count; i++)
        {
            var label = "";
            if (r.Chance(0.2))
            {
                // Clean code defines each label once: a second definition is an assembler error.
                var name = !clean && r.Chance(0.5) ? r.Pick(labels) : $"l{labels.Count}";
                labels.Add(name);
                label = name + ":" + (r.Chance(0.5) ? " " : "\n");
            }
            var comment = r.Chance(0.1) ? " ; " + InlineText.Words(r, 3) : "";
            yield return "        " + label + Instruction(r, labels, clean) + comment;
        }
        // Most scenarios end by halting, as documents' do; the rest run into whatever follows.
        if (r.Chance(0.7)) yield return "        hlt";
    }

    private static string Instruction(FuzzRandom r, List<string> labels, bool clean)
    {
        var registers = clean ? Registers[..10] : Registers;
        return r.Next(clean ? 11 : 12) switch
    {
        0 or 1 => r.Pick(Plain),
        2 => $"mov {r.Pick(registers)}, {Operand(r, labels)}",
        3 => $"mov {r.Pick(Special)}, {r.Pick(registers)}",
        4 => $"mov {r.Pick(registers)}, {r.Pick(Special)}",
        5 => $"mov {r.Pick(clean ? Sizes[..4] : Sizes)} {Memory(r, labels)}, {r.Number()}",
        6 => $"{r.Pick(Conditions)} {r.Pick(labels)}",
        7 => $"{r.Pick<string>(["push", "pop"])} {r.Pick(registers)}",
        8 => $"int {r.Number()}",
        9 => r.Pick<string>(["out 0x80, al", "in al, dx", "out dx, eax", "in eax, 0x71"]),
        10 => $"lea {r.Pick(registers)}, {Memory(r, labels)}",
        _ => r.Pick(Rejected),
    };
    }

    private static string Operand(FuzzRandom r, List<string> labels) => r.Next(4) switch
    {
        0 => r.Number(),
        1 => r.Pick(labels),
        2 => $"{r.Pick(labels)} {r.Pick<string>(["+", "-", "*", "<<", "/"])} {r.Number()}",
        _ => r.Pick(Registers),
    };

    private static string Memory(FuzzRandom r, List<string> labels) => r.Next(3) switch
    {
        0 => $"[rel {r.Pick(labels)}]",
        1 => $"[{r.Pick(Registers[..10])}+{r.Pick(Registers[..10])}*{r.Pick<string>(["1", "2", "4", "8", "3"])}+{r.Next(0x100)}]",
        _ => $"[{r.Number()}]",
    };

    private static string Expect(FuzzRandom r, List<string> labels, IReadOnlyList<string> profiles, IReadOnlyList<string> events, bool clean)
    {
        var scope = r.Chance(0.3) ? " " + string.Join(' ', Enumerable.Range(0, r.Between(1, 2)).Select(_ => r.Pick(profiles)).Distinct()) : "";
        return $"expect{scope}: {Assertion(r, labels, events, clean)}";
    }

    /// <summary>A claim as an expect or gap line states it; unclean ones include unreadable claims.</summary>
    private static string Assertion(FuzzRandom r, List<string> labels, IReadOnlyList<string> events, bool clean)
    {
        var ev = r.Pick(events);
        return r.Next(clean ? 10 : 11) switch
        {
            0 => ev,
            1 => $"{ev} at {r.Pick(labels)}",
            2 => $"{ev} at {r.Pick(labels)} with {r.Pick(Fields)} = {r.Number()}",
            3 => "no " + ev,
            4 => ev + " discarded",
            5 => $"{ev} pending until {r.Pick(labels)}",
            6 => $"{ev} count {r.Number()}",
            7 => $"{ev} before {r.Pick(events)}",
            8 => $"{r.Pick(clean ? Fields[..13] : Fields)} = {(clean ? "0x" + r.Next(0x10000).ToString("x", System.Globalization.CultureInfo.InvariantCulture) : r.Number())}",
            9 => r.Pick(Ends),
            _ => r.Pick<string>(["", "=", "gif ==", "#DB at", "with", "no", "count"]),
        };
    }
}
