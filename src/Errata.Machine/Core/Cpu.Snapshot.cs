namespace Errata.Machine.Core;

/// <summary>Snapshots of architectural state under the names assertions use (<see cref="StateFields"/>).</summary>
internal sealed partial class Cpu
{
    public MachineState Snapshot() => Snapshot(StateFields.All);

    /// <summary>The named fields alone, for what a record keeps of every event.</summary>
    public MachineState Snapshot(IReadOnlyList<StateField> all)
    {
        var f = new Dictionary<string, ulong>(all.Count);
        foreach (var field in all) f[field.Name] = field.Read(this);
        var memory = Memory;
        return new MachineState(f, memory.TryReadQword);
    }
}
