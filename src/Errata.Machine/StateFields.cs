using Errata.Machine.Core;
using Errata.Machine.Debug;

namespace Errata.Machine;

/// <summary>How a state field's value reads: a whole word (reported in hex) or one bit (reported as 0 or 1).</summary>
public enum StateFieldShape
{
    Word,
    Bit,
}

/// <summary>One field of the architectural state a run reports, by the name claims and reports use.</summary>
public sealed record StateField(string Name, StateFieldShape Shape)
{
    /// <summary>How the processor's state gives this field: the one place a name meets its value.</summary>
    internal Func<Cpu, ulong> Read { get; init; } = _ => 0;
}

/// <summary>
/// The catalogue of the state fields the machine reports in a <see cref="MachineState"/>, in
/// the order it reports them. Claims may name exactly these (besides memory and a delivery's
/// frame), and the JSON report writes them, so a field added here is claimable and reported.
/// </summary>
public static class StateFields
{
    public static IReadOnlyList<StateField> All { get; } = Build();

    private static readonly Dictionary<string, StateField> ByName =
        All.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The field of that name (any case), or null for a name the machine does not report.</summary>
    public static StateField? Find(string name) => ByName.GetValueOrDefault(name);

    private static StateField[] Build()
    {
        string[] gprs = ["rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"];
        static ulong Bit(bool b) => b ? 1UL : 0;
        return
        [
            .. gprs.Select((n, i) => Word(n, c => c.Gpr[i])),
            Word("rip", c => c.Rip),
            Word("rflags", c => c.Rflags),
            BitField("rflags.if", c => Bit(c.Flag(FlagBits.IF))),
            BitField("rflags.tf", c => Bit(c.Flag(FlagBits.TF))),
            BitField("rflags.rf", c => Bit(c.Flag(FlagBits.RF))),
            Word("cr0", c => c.Cr0),
            Word("cr2", c => c.Cr2),
            Word("cr3", c => c.Cr3),
            Word("cr4", c => c.Cr4),
            Word("cr8", c => c.Cr8),
            Word("efer", c => c.Platform.ScenarioEfer),
            Word("cpl", c => (ulong)c.Cpl),
            .. Enumerable.Range(0, 4).Select(n => Word("dr" + n, c => c.Debug.Address[n])),
            Word("dr6", c => c.Debug.Dr6),
            Word("dr7", c => c.Debug.Dr7),
            .. Enumerable.Range(0, 4).Select(n => BitField("dr6.b" + n, c => (c.Debug.Dr6 >> n) & 1)),
            BitField("dr6.bd", c => Bit((c.Debug.Dr6 & DebugBits.Dr6BD) != 0)),
            BitField("dr6.bs", c => Bit((c.Debug.Dr6 & DebugBits.Dr6BS) != 0)),
            BitField("dr6.bt", c => Bit((c.Debug.Dr6 & DebugBits.Dr6BT) != 0)),
            BitField("gif", c => Bit(c.Platform.ScenarioGif)),
            BitField("v_gif", c => Bit(c.Platform.ScenarioVGif)),
        ];
    }

    /// <summary>The fields recorded with every event as it is raised, which a trace shows beside it.</summary>
    public static IReadOnlyList<StateField> AtEvent { get; } = new[] { "gif", "v_gif", "dr7" }.Select(n => All.First(f => f.Name == n)).ToArray();

    private static StateField Word(string name, Func<Cpu, ulong> read) => new(name, StateFieldShape.Word) { Read = read };

    private static StateField BitField(string name, Func<Cpu, ulong> read) => new(name, StateFieldShape.Bit) { Read = read };
}
