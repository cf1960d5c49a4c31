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

    /// <summary>For a bit field, the word field it is a bit of; null for a word, or a bit no word holds (gif).</summary>
    public string? Word { get; init; }

    /// <summary>The bit of <see cref="Word"/> this field reads.</summary>
    public ulong Mask { get; init; }
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
        var rflags = Word("rflags", c => c.Rflags);
        var dr6 = Word("dr6", c => c.Debug.Dr6);
        return
        [
            .. gprs.Select((n, i) => Word(n, c => c.Gpr[i])),
            Word("rip", c => c.Rip),
            rflags,
            BitOf("rflags.if", rflags, FlagBits.IF),
            BitOf("rflags.tf", rflags, FlagBits.TF),
            BitOf("rflags.rf", rflags, FlagBits.RF),
            Word("cr0", c => c.Cr0),
            Word("cr2", c => c.Cr2),
            Word("cr3", c => c.Cr3),
            Word("cr4", c => c.Cr4),
            Word("cr8", c => c.Cr8),
            Word("efer", c => c.Platform.ScenarioEfer),
            Word("cpl", c => (ulong)c.Cpl),
            .. Enumerable.Range(0, 4).Select(n => Word("dr" + n, c => c.Debug.Address[n])),
            dr6,
            Word("dr7", c => c.Debug.Dr7),
            .. Enumerable.Range(0, 4).Select(n => BitOf("dr6.b" + n, dr6, 1UL << n)),
            BitOf("dr6.bd", dr6, DebugBits.Dr6BD),
            BitOf("dr6.bs", dr6, DebugBits.Dr6BS),
            BitOf("dr6.bt", dr6, DebugBits.Dr6BT),
            BitField("gif", c => Bit(c.Platform.ScenarioGif)),
        ];
    }

    /// <summary>
    /// A state from words another backend observed, by field name: every bit field whose word is
    /// given is derived from it, as the built-in machine derives it; fields not given are absent.
    /// </summary>
    public static MachineState FromWords(IReadOnlyDictionary<string, ulong> words, Func<ulong, ulong?> readQword)
    {
        var fields = new Dictionary<string, ulong>(All.Count);
        foreach (var field in All)
        {
            if (words.TryGetValue(field.Name, out var value)) fields[field.Name] = value;
            else if (field.Word is { } word && words.TryGetValue(word, out var whole)) fields[field.Name] = (whole & field.Mask) != 0 ? 1UL : 0;
        }
        return new MachineState(fields, readQword);
    }

    private static StateField Word(string name, Func<Cpu, ulong> read) => new(name, StateFieldShape.Word) { Read = read };

    private static StateField BitField(string name, Func<Cpu, ulong> read) => new(name, StateFieldShape.Bit) { Read = read };

    /// <summary>One bit of a word field: read from that word, so every backend derives it the same way.</summary>
    private static StateField BitOf(string name, StateField word, ulong mask) =>
        new(name, StateFieldShape.Bit) { Word = word.Name, Mask = mask, Read = c => (word.Read(c) & mask) != 0 ? 1UL : 0 };

}
