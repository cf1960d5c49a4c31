namespace Errata.Machine;

/// <summary>
/// A read-only snapshot of architectural state, looked up by the names of
/// <see cref="StateFields"/> (the catalogue claims and reports share), and memory through
/// <see cref="TryReadQword"/>.
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

    /// <summary>Field names in the order they are reported: those of <see cref="StateFields.All"/>.</summary>
    public IEnumerable<string> Names => _fields.Keys;

    public bool TryGet(string name, out ulong value) => _fields.TryGetValue(name.ToLowerInvariant(), out value);

    /// <summary>A qword of the scenario's memory, or null outside it.</summary>
    public ulong? TryReadQword(ulong address) => _readQword(address);
}
