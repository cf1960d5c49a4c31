namespace Errata.Testing.Differential;

/// <summary>
/// The differences between real QEMU 7.2 TCG runs and the qemu-tcg profile that remain after
/// every one the model could follow was fixed in the model. Each explains a program's first
/// disagreement; docs/guide/profiles.md lists them with the same ids (a test checks).
/// </summary>
internal static class KnownQemuDivergences
{
    public static readonly IReadOnlyList<KnownDivergence> All =
    [
    ];

    /// <summary>The known divergence that explains a program's first disagreement, if one does.</summary>
    public static KnownDivergence? Explain(DifferentialProgram program, IReadOnlyList<Disagreement> disagreements) =>
        disagreements.Count == 0 ? null : All.FirstOrDefault(k => k.Explains(program, disagreements[0]));
}
