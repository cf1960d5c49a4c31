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
    // A random program with a MOV SS before an INT3 run with TF, so the model holds a single-step into the #BP handler.
    private static readonly DifferentialProgram Program = DebugProgramGenerator.Generate(14, 113);

    [Fact]
    public void HeldTrapMovedBeforeASingleSteppedStore_IsAnOrderOfTwoKnownDifferences()
    {
        var model = Run();
        var deliveries = Delivered(model);
        var held = deliveries.FindIndex(e => Delivery.Of(model with { Events = [e] }, Program.Image)[0].ReturnRip is null);
        Assert.True(held >= 0, "the model holds no #DB into a handler");
        // QEMU's order: the held trap is lost, and a watchpoint #DB follows the single-step of the store run with TF, in the #DB handler.
        var store = deliveries.FindIndex(e => e.Id == EventId.DebugException && e.Cause.Contains("single-step", StringComparison.Ordinal)
            && e.Cause.Contains("access match", StringComparison.Ordinal));
        Assert.True(store >= 0 && store < held, "the model has no single-stepped store hitting a watchpoint before the held trap");
        var real = Reordered(model, deliveries, held, store);

        var disagreements = OutcomeComparison.Compare(Program.Image, model, real);

        var order = Assert.Single(disagreements);
        Assert.Equal(DisagreementKind.EventOrder, order.Kind);
        Assert.Equal([DisagreementKind.ExtraEvent, DisagreementKind.MissingEvent], order.Parts.Select(p => p.Kind));
        Assert.Equal("known.differences-cancel-into-order", Explain(model, real, disagreements)?.Id);
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

    private static Outcome Run()
    {
        Assert.True(ProfileRegistry.TryGet("qemu-tcg", out var profile));
        return X86Machine.Run(Program.Image, profile);
    }

    private static List<MachineEvent> Delivered(Outcome outcome) =>
    [
        .. outcome.Events.Select((e, i) => (e, i))
            .Where(x => Delivery.Of(outcome with { Events = [x.e] }, Program.Image).Count == 1)
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
