namespace Errata.Machine;

/// <summary>
/// A read-only snapshot of architectural state, looked up by the names assertions use:
/// rax..r15, rip, rsp, rflags, rflags.if/tf/rf, cr0/cr2/cr3/cr4/cr8, efer, dr0-dr7,
/// dr6.b0-b3/bd/bs/bt, gif, and memory through <see cref="TryReadQword"/>.
/// </summary>
public sealed class MachineState
{
    private readonly IReadOnlyDictionary<string, ulong> _fields;
    private readonly Func<ulong, ulong?> _readQword;

    public MachineState(IReadOnlyDictionary<string, ulong> fields, Func<ulong, ulong?> readQword)
    {
        _fields = fields;
        _readQword = readQword;
    }

    /// <summary>Field names in the order they are reported.</summary>
    public IEnumerable<string> Names => _fields.Keys;

    public bool TryGet(string name, out ulong value) => _fields.TryGetValue(name.ToLowerInvariant(), out value);

    /// <summary>A qword of the scenario's memory, or null outside it.</summary>
    public ulong? TryReadQword(ulong address) => _readQword(address);
}
