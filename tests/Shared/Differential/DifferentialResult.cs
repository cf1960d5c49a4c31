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
        var known = disagreements.Count == 0 ? null
            : KnownQemuDivergences.Explain(new DivergenceCase(program, new ProgramFacts(program.Image), model, real, disagreements[0], disagreements.ElementAtOrDefault(1)));
        return new DifferentialResult(program, model, real, disagreements, known);
    }

    /// <summary>A program the real machine could not run (it refused the image, or failed): a disagreement of its own, never dropped.</summary>
    public static DifferentialResult Failed(DifferentialProgram program, Outcome model, string why)
    {
        var failure = new Disagreement(DisagreementKind.End, "real run failed", why);
        return new(program, model, null, [failure],
            KnownQemuDivergences.Explain(new DivergenceCase(program, new ProgramFacts(program.Image), model, null, failure)));
    }
}
