using System.Collections.Concurrent;
using Errata.Machine;

namespace Errata.Site.Verification.Cache;

/// <summary>
/// A machine state that remembers which qwords of memory were read from it. A cached outcome
/// keeps only those: its claims, fixed by the scenario's text in the key, read the same ones
/// again, and the whole memory would cost megabytes an entry.
/// </summary>
public sealed class RecordedState
{
    private readonly ConcurrentDictionary<ulong, ulong?> _reads = new();

    private RecordedState(MachineState inner)
    {
        State = new MachineState(Fields(inner), address => _reads.GetOrAdd(address, inner.TryReadQword));
    }

    /// <summary>The state to judge: the same fields and memory as the machine's.</summary>
    public MachineState State { get; }

    /// <summary>The qwords read so far, by address (null: outside the scenario's memory).</summary>
    public IReadOnlyDictionary<ulong, ulong?> Reads => _reads;

    public static RecordedState Of(MachineState state) => new(state);

    /// <summary>
    /// A state read back from an entry: its fields, and the memory it recorded. A read the entry
    /// did not record is a fault of the cache, never a value to judge.
    /// </summary>
    public static MachineState Replay(IReadOnlyDictionary<string, ulong> fields, IReadOnlyDictionary<ulong, ulong?> reads) =>
        new(fields, address => reads.TryGetValue(address, out var value)
            ? value
            : throw new InvalidOperationException($"a cached outcome did not record memory at 0x{address:x}"));

    public static Dictionary<string, ulong> Fields(MachineState state)
    {
        var fields = new Dictionary<string, ulong>(StringComparer.Ordinal);
        foreach (var name in state.Names)
            if (state.TryGet(name, out var value)) fields[name] = value;
        return fields;
    }
}
