using System.Globalization;
using Errata.Testing.Fuzzing;

namespace Errata.Testing.Differential;

/// <summary>
/// Random short programs over the debug facility, as scenario text: DR0-DR3 on code labels,
/// data slots or I/O ports with random types, lengths and enables (sometimes CR4.DE and
/// DR7.GD), then labelled steps drawn from data reads and writes, TF set and cleared with
/// POPFQ, MOV SS, INT3, ICEBP, CLGI/STGI, STI/CLI, OUT and reads of DR6, with NMIs, SMIs and
/// interrupts injected at steps. A program is a function of (seed, index) alone.
/// </summary>
internal static class DebugProgramGenerator
{
    private static readonly string[] Sizes = ["byte", "word", "dword", "qword"];
    private static readonly string[] Rbx = ["bl", "bx", "ebx", "rbx"];

    /// <summary>DR7 LEN encodings by length in bytes: 00 = 1, 01 = 2, 11 = 4, 10 = 8.</summary>
    private static readonly (int Bytes, int Code)[] Lengths = [(1, 0), (2, 1), (4, 3), (8, 2)];

    public static DifferentialProgram Generate(int seed, int index) =>
        DifferentialProgram.Compile(
            $"fuzz-{seed.ToString(CultureInfo.InvariantCulture)}-{index.ToString(CultureInfo.InvariantCulture)}",
            Body(FuzzRandom.ForInput(seed, index)));

    public static List<string> Body(FuzzRandom r)
    {
        var steps = Enumerable.Range(0, r.Between(3, 12)).Select(_ => Step(r)).ToList();
        var lines = new List<string> { "title: a random program over the debug facility", "profiles: qemu-tcg", "budget: 3000" };
        for (var i = r.Next(3); i > 0; i--)
        {
            var ev = r.Next(3) switch { 0 => "nmi", 1 => "intr 0x20", _ => "smi" };
            lines.Add($"inject: {ev} at s{r.Next(steps.Count)}");
        }

        lines.Add("code:");
        var (setup, dr7) = Breakpoints(r, steps.Count);
        lines.AddRange(setup.Select(Indent));
        lines.Add(Indent($"mov rdx, 0x{dr7:x}"));
        lines.Add(Indent("mov dr7, rdx"));
        lines.Add(Indent("mov eax, 0x10         ; the data selector MOV SS loads"));
        if (r.Chance(0.3)) lines.Add(Indent("sti"));
        for (var i = 0; i < steps.Count; i++)
            for (var j = 0; j < steps[i].Length; j++)
                lines.Add(j == 0 ? $"s{i}:".PadRight(8) + steps[i][j] : Indent(steps[i][j]));
        // The end is a HLT with TF clear, so the run ends there on every machine.
        lines.AddRange(["        pushfq", "        and qword [rsp], ~0x100", "        popfq", "done:   hlt"]);
        // ICEBP is #UD where it is not decoded; the handler steps over its one byte.
        lines.AddRange(["handler #UD:", "        add qword [rsp], 1", "        iretq"]);
        lines.Add("data:");
        for (var k = 0; k < 4; k++) lines.Add($"d{k}:".PadRight(8) + "dq 0");
        lines.Add("sel:    dw 0x10");
        return lines;
    }

    private static string Indent(string instruction) => "        " + instruction;

    /// <summary>The lines that load DR0-DR3 (and CR4.DE), and the DR7 value to load after them.</summary>
    private static (List<string> Setup, ulong Dr7) Breakpoints(FuzzRandom r, int stepCount)
    {
        var setup = new List<string>();
        ulong dr7 = 0x400;
        var io = false;
        for (var n = 0; n < 4; n++)
        {
            if (r.Chance(0.35)) continue;
            var (type, len, target) = r.Next(10) switch
            {
                < 3 => (0, 0, $"s{r.Next(stepCount)}"),
                < 9 => DataBreakpoint(r),
                _ => (2, r.Next(4), $"0x{0x80 + r.Next(4):x}"),
            };
            io |= type == 2;
            setup.Add($"mov rdx, {target}");
            setup.Add($"mov dr{n}, rdx");
            // Now and then a register is set but not enabled: its match is reported only with another's.
            var enable = r.Chance(0.15) ? 0UL : (ulong)r.Between(1, 3);
            dr7 |= enable << (2 * n) | (ulong)type << (16 + 4 * n) | (ulong)len << (18 + 4 * n);
        }
        if (r.Chance(0.3)) dr7 |= 0x300; // LE, GE
        if (r.Chance(0.05)) dr7 |= 0x2000; // GD: the next MOV DR faults
        if (r.Chance(io ? 0.7 : 0.1)) setup.InsertRange(0, ["mov rdx, cr4", "or rdx, 8", "mov cr4, rdx"]);
        return (setup, dr7);
    }

    private static (int Type, int Len, string Target) DataBreakpoint(FuzzRandom r)
    {
        var (bytes, code) = r.Pick(Lengths);
        var type = r.Chance(0.5) ? 1 : 3;
        if (r.Chance(0.1)) return (type, code, "sel");
        // Mostly aligned to the length, as the APM asks; sometimes not, to see how each side masks.
        var offset = r.Chance(0.7) ? r.Next(8 / bytes) * bytes : r.Next(8);
        return (type, code, $"d{r.Next(4)}+{offset}");
    }

    private static string[] Step(FuzzRandom r)
    {
        var size = r.Next(4);
        var slot = $"d{r.Next(4)}+{r.Next(8 - (1 << size) + 1)}";
        return r.Next(26) switch
        {
            < 4 => [$"mov {Sizes[size]} [rel {slot}], {r.Next(256)}"],
            < 7 => [$"mov {Rbx[size]}, {Sizes[size]} [rel {slot}]"],
            7 => ["nop"],
            8 => ["inc rcx"],
            < 12 => ["pushfq", "or qword [rsp], 0x100", "popfq"],
            12 => ["pushfq", "and qword [rsp], ~0x100", "popfq"],
            < 15 => ["mov ss, ax"],
            15 => ["mov ss, [rel sel]"],
            16 => ["int3"],
            17 => ["int1"],
            < 20 => ["clgi"],
            < 22 => ["stgi"],
            22 => [r.Chance(0.5) ? "out 0x80, al" : "out 0x80, ax"],
            23 => ["sti"],
            24 => ["cli"],
            _ => ["mov rbx, dr6"],
        };
    }
}
