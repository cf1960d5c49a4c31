using Errata.Machine.Events;

namespace Errata.Machine;

/// <summary>Bytes placed in the scenario's memory at an address.</summary>
public sealed record MemoryBlock(ulong Address, byte[] Bytes);

/// <summary>An event made pending when execution reaches an address, before that instruction runs.</summary>
public sealed record Injection(EventId Event, ulong Address);

/// <summary>
/// Everything a run starts from: memory contents, where execution starts, handler
/// overrides (by event: #DB, nmi, intr 0x20 ...), the nested guest's entry, injections
/// and the instruction budget. Addresses lie inside <see cref="MemoryMap.ScenarioBase"/>..<see cref="MemoryMap.ScenarioLimit"/>.
/// </summary>
public sealed record MachineImage(
    IReadOnlyList<MemoryBlock> Memory,
    ulong Entry,
    IReadOnlyDictionary<EventId, ulong> Handlers,
    ulong? GuestEntry,
    IReadOnlyList<Injection> Injections,
    long Budget)
{
    /// <summary>VMCB set-up keys for the nested guest (docs/guide/scenarios.md, "The vmcb header key"), by name.</summary>
    public IReadOnlyDictionary<string, ulong> Vmcb { get; init; } = new Dictionary<string, ulong>();

    /// <summary>The assembled instructions, in address order; the built-in machine decodes memory itself and ignores them.</summary>
    public IReadOnlyList<ImageInstruction> Instructions { get; init; } = [];
}
