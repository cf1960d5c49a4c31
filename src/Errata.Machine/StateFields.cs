namespace Errata.Machine;

/// <summary>How a state field's value reads: a whole word (reported in hex) or one bit (reported as 0 or 1).</summary>
public enum StateFieldShape
{
    Word,
    Bit,
}

/// <summary>One field of the architectural state a run reports, by the name claims and reports use.</summary>
public sealed record StateField(string Name, StateFieldShape Shape);

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
        var gprs = new[] { "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi" }
            .Concat(Enumerable.Range(8, 8).Select(i => "r" + i));
        return
        [
            .. Of(StateFieldShape.Word, [.. gprs, "rip", "rflags"]),
            .. Of(StateFieldShape.Bit, ["rflags.if", "rflags.tf", "rflags.rf"]),
            .. Of(StateFieldShape.Word, ["cr0", "cr2", "cr3", "cr4", "cr8", "efer", "cpl", "dr0", "dr1", "dr2", "dr3", "dr6", "dr7"]),
            .. Of(StateFieldShape.Bit, ["dr6.b0", "dr6.b1", "dr6.b2", "dr6.b3", "dr6.bd", "dr6.bs", "dr6.bt", "gif"]),
        ];
    }

    private static IEnumerable<StateField> Of(StateFieldShape shape, string[] names) => names.Select(n => new StateField(n, shape));
}
