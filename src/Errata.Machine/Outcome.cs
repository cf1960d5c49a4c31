using Errata.Machine.Backends;
using Errata.Machine.Events;

namespace Errata.Machine;

/// <summary>What one run of one image on one profile observed.</summary>
public sealed record Outcome(
    string Profile,
    RunEnd End,
    long Instructions,
    IReadOnlyList<MachineEvent> Events,
    MachineState Final,
    IReadOnlyList<TraceStep> Trace)
{
    /// <summary>Why the run stopped when <see cref="End"/> is Stopped (an unhandled exception, an unsupported instruction at an address) or TimedOut.</summary>
    public string? StopReason { get; init; }

    /// <summary>The address the run stopped at, when it stopped or timed out.</summary>
    public ulong? StopRip { get; init; }

    /// <summary>What produced the outcome when not the built-in machine (null: the built-in machine, <see cref="X86Machine.Version"/>).</summary>
    public RunProvenance? Provenance { get; init; }
}
