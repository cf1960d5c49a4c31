using Errata.Machine;

namespace Errata.Testing.Differential;

/// <summary>
/// A way a real QEMU run is known to differ from the qemu-tcg profile, with its cause and the
/// source that shows it: a program whose first disagreement it explains is counted under its id,
/// not as a new disagreement. docs/guide/profiles.md lists the same table ("Known differences
/// between qemu-tcg and a real QEMU run").
/// </summary>
internal sealed record KnownDivergence(string Id, string Cause, string Source, Func<DivergenceCase, bool> Explains);

/// <summary>A program's first disagreement (and the one after it, often its other half), with the program and both runs, for a known divergence to recognise.</summary>
internal sealed record DivergenceCase(DifferentialProgram Program, ProgramFacts Facts, Outcome Model, Outcome? Real, Disagreement First, Disagreement? Second = null);
