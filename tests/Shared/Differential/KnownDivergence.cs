namespace Errata.Testing.Differential;

/// <summary>
/// A way real QEMU is known to differ from the qemu-tcg profile, with its cause and the QEMU
/// source that shows it: a disagreement it explains is reported under its id, not as a new one.
/// docs/guide/profiles.md lists the same table ("Known differences between qemu-tcg and a real QEMU run").
/// </summary>
internal sealed record KnownDivergence(string Id, string Cause, string Source, Func<DifferentialProgram, Disagreement, bool> Explains);
