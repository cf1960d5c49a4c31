using Errata.Machine;

namespace Errata.Testing.Differential;

/// <summary>One program run on the model and on the real machine, and what differed.</summary>
internal sealed record DifferentialResult(
    DifferentialProgram Program, Outcome Model, Outcome? Real, IReadOnlyList<Disagreement> Disagreements, KnownDivergence? Known)
{
    public bool Agrees => Disagreements.Count == 0;

    /// <summary>The class a disagreeing program is counted under: its known divergence's id, or its first disagreement's class.</summary>
    public string Class => Known?.Id ?? (Agrees ? "agree" : "new: " + Disagreements[0].Class);

    /// <summary>Compares a program's run on the model profile with its run on the real machine.</summary>
    public static DifferentialResult Of(DifferentialProgram program, Outcome model, Outcome real)
    {
        var disagreements = OutcomeComparison.Compare(program.Image, model, real);
        return new DifferentialResult(program, model, real, disagreements, KnownQemuDivergences.Explain(program, disagreements));
    }

    /// <summary>A program the real machine could not run (it refused the image, or failed): a disagreement of its own, never dropped.</summary>
    public static DifferentialResult Failed(DifferentialProgram program, Outcome model, string why) =>
        new(program, model, null, [new Disagreement(DisagreementKind.End, "real run failed", why)], null);
}
