using Errata.Machine;
using Errata.Machine.Events;
using Errata.Machine.Profiles;
using Errata.Testing.Differential;

namespace Errata.Site.Tests.Differential;

/// <summary>
/// Two differences whose deliveries have the same key leave the two lists a permutation of each
/// other: the comparison reports an order, with the differences the alignment finds as its parts,
/// and the order is explained only when every part is. The "real" runs here are the model's own
/// deliveries moved about, so each test knows exactly which differences it made.
/// </summary>
public sealed class CancellingDivergencesTests
{
    // A random program with a #DB right before a #BP.
    private static readonly DifferentialProgram Program = DebugProgramGenerator.Generate(14, 113);

    [Fact]
    public void NmiOfAnInjectionAfterAShadowMovedLater_IsAnOrderOfTwoKnownDifferences()
    {
        // The first program whose model delivers an NMI injected right after STI or MOV SS, and then another event in the program.
        var found = Enumerable.Range(0, 300).Select(i => DebugProgramGenerator.Generate(14, i))
            .Select(p => (Program: p, Model: Run(p)))
            .Select(x => (x.Program, x.Model, Deliveries: Delivered(x.Model, x.Program), Facts: new ProgramFacts(x.Program.Image)))
            .Select(x => (x.Program, x.Model, x.Deliveries, Nmi: x.Deliveries.FindIndex(e => e.Id == EventId.Nmi
                && x.Facts.InjectionSites.Any(site => e.DeliveredBefore == site.IP && x.Facts.EndingAt(site.IP) is { } before && ProgramFacts.OpensShadow(before)))))
            .First(x => x.Nmi >= 0 && x.Nmi + 1 < x.Deliveries.Count && x.Deliveries[x.Nmi + 1].Frame?.Rip is { } rip
                && x.Program.Image.Memory.Any(b => rip >= b.Address && rip < b.Address + (ulong)b.Bytes.Length));
        // QEMU's order: the NMI after the delivery that follows it in the model.
        var real = Reordered(found.Model, found.Deliveries, found.Nmi, found.Nmi + 1);

        var disagreements = OutcomeComparison.Compare(found.Program.Image, found.Model, real);

        var order = Assert.Single(disagreements, d => d.Kind == DisagreementKind.EventOrder);
        Assert.Equal([DisagreementKind.MissingEvent, DisagreementKind.ExtraEvent], order.Parts.Select(p => p.Kind));
        Assert.All(order.Parts, p => Assert.Equal("nmi", p.Subject));
        var cancel = KnownQemuDivergences.All.Single(k => k.Id == "known.differences-cancel-into-order");
        Assert.True(cancel.Explains(new DivergenceCase(found.Program, new ProgramFacts(found.Program.Image), found.Model, real, disagreements[0])));
    }

    [Fact]
    public void BreakpointMovedBeforeTheDbOfTheStoreBeforeIt_IsAnUnexplainedOrder()
    {
        var model = Run();
        var deliveries = Delivered(model);
        var breakpoint = deliveries.FindIndex(e => e.Id == EventId.Exception(3));
        Assert.True(breakpoint > 0 && deliveries[breakpoint - 1].Id == EventId.DebugException, "no #DB right before the first #BP");
        var real = Reordered(model, deliveries, breakpoint, breakpoint - 1);

        var disagreements = OutcomeComparison.Compare(Program.Image, model, real);

        Assert.Equal(DisagreementKind.EventOrder, disagreements[0].Kind);
        Assert.Equal(2, disagreements[0].Parts.Count);
        // No row explains a #BP or a #DB after a store that the other run lacks, so neither is the order.
        Assert.Null(Explain(model, real, disagreements));
    }

    [Fact]
    public void ReorderedDeliveries_StillHaveTheirDr6Compared()
    {
        var model = Run();
        var deliveries = Delivered(model);
        var breakpoint = deliveries.FindIndex(e => e.Id == EventId.Exception(3));
        Assert.True(breakpoint > 0 && deliveries[breakpoint - 1].Id == EventId.DebugException, "no #DB right before the first #BP");
        var db = deliveries[breakpoint - 1];
        Assert.True(db.AtDelivery!.TryGet("dr6", out var dr6));
        // The #DB moved after the #BP, and reporting B3 besides what the model's reports.
        deliveries[breakpoint - 1] = db with { AtDelivery = WithField(db.AtDelivery, "dr6", dr6 ^ 8) };
        var real = Reordered(model, deliveries, breakpoint, breakpoint - 1);

        var disagreements = OutcomeComparison.Compare(Program.Image, model, real);

        Assert.Equal(DisagreementKind.EventOrder, disagreements[0].Kind);
        var changed = Assert.Single(disagreements, d => d.Kind == DisagreementKind.Dr6);
        Assert.Equal(dr6, changed.Expected!.Dr6);
        Assert.Equal(dr6 ^ 8, changed.Observed!.Dr6);
    }

    private static MachineState WithField(MachineState state, string name, ulong value) =>
        new(state.Names.ToDictionary(n => n, n => n == name ? value : state.TryGet(n, out var v) ? v : 0), state.TryReadQword);

    private static Outcome Run(DifferentialProgram? program = null)
    {
        Assert.True(ProfileRegistry.TryGet("qemu-tcg", out var profile));
        return X86Machine.Run((program ?? Program).Image, profile);
    }

    private static List<MachineEvent> Delivered(Outcome outcome, DifferentialProgram? program = null) =>
    [
        .. outcome.Events.Select((e, i) => (e, i))
            .Where(x => Delivery.Of(outcome with { Events = [x.e] }, (program ?? Program).Image).Count == 1)
            .OrderBy(x => x.e.DeliveryOrder ?? x.i).Select(x => x.e),
    ];

    /// <summary>The outcome with the delivery at <paramref name="from"/> moved to <paramref name="to"/>.</summary>
    private static Outcome Reordered(Outcome outcome, List<MachineEvent> deliveries, int from, int to)
    {
        var moved = deliveries.ToList();
        var e = moved[from];
        moved.RemoveAt(from);
        moved.Insert(to, e);
        return outcome with { Events = [.. moved.Select((d, i) => d with { DeliveryOrder = i })] };
    }

    private static KnownDivergence? Explain(Outcome model, Outcome real, IReadOnlyList<Disagreement> disagreements) =>
        KnownQemuDivergences.Explain(new DivergenceCase(Program, new ProgramFacts(Program.Image), model, real, disagreements[0], disagreements.ElementAtOrDefault(1)));
}
