namespace Errata.Machine;

/// <summary>
/// Where a scenario's sections go in its identity-mapped memory. The scenario layer
/// places code at <see cref="CodeBase"/> and the other sections after it; the machine
/// keeps its own structures (IDT, default handlers, stack, VMCBs) in the rest.
/// Any access outside ScenarioBase..ScenarioLimit is not mapped and faults (#PF).
/// </summary>
public static class MemoryMap
{
    public const ulong ScenarioBase = 0x400000;
    public const ulong CodeBase = 0x401000;
    public const ulong ScenarioLimit = 0x480000;
}
