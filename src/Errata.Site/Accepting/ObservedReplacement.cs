using Errata.Scenarios.Claims;
using Errata.Scenarios.Running;
using Errata.Scenarios.Syntax;

namespace Errata.Site.Accepting;

/// <summary>
/// What replaces a claim that failed on one run: the observed claim(s) on the same
/// subject, written by <see cref="ClaimPrinter"/>. A state, count or end claim keeps its
/// kind and takes the observed value; an event claim becomes what accept observes about
/// that event; an order claim is reversed, or says which event was not delivered.
/// Empty when nothing observed can stand in (a field the run could not read).
/// </summary>
public static class ObservedReplacement
{
    public static IReadOnlyList<string> For(ExpectLine expect, ProfileRun run, ScenarioResult result)
    {
        var c = new JudgeContext(run.Outcome, result.Scenario.Assembly.Labels);
        return expect.Assertion switch
        {
            FinalStateAssertion f => f.Check.TryRead(run.Outcome.Final, c, out var value) ? [Print(f with { Check = Observed(f.Check, value) })] : [],
            EndAssertion => [ObservedClaims.End(run)],
            CountAssertion n => [Print(n with { Count = c.Of(n.Event).Count(Words.IsDelivered) })],
            BeforeAssertion b => Order(b, c),
            DeliveredAssertion { At: { } at, With: { } check } d when AtDelivery(d, at, check, c) is { } value => [Print(d with { With = Observed(check, value) })],
            DeliveredAssertion d => ObservedClaims.About(d.Event, run, result),
            NoEventAssertion n => ObservedClaims.About(n.Event, run, result),
            DiscardedAssertion d => ObservedClaims.About(d.Event, run, result),
            PendingUntilAssertion p => ObservedClaims.About(p.Event, run, result),
            _ => [],
        };
    }

    private static string Print(Assertion claim) => ClaimPrinter.Print(claim);

    /// <summary>The check with the value observed, as a number.</summary>
    private static FieldCheck Observed(FieldCheck check, ulong value) => check with { Value = value, ValueLabel = null };

    /// <summary>The field's value at the first delivery at the claimed label, when there was one.</summary>
    private static ulong? AtDelivery(DeliveredAssertion d, LabelRef at, FieldCheck check, JudgeContext c)
    {
        foreach (var e in c.Of(d.Event).Where(Words.IsDelivered).Where(e => e.Rip == c.Address(at)))
            if (check.TryRead(e.AtDelivery, c, out var value)) return value;
        return null;
    }

    private static IReadOnlyList<string> Order(BeforeAssertion b, JudgeContext c)
    {
        if (b.First == b.Second) return [];
        var first = c.Of(b.First).Any(Words.IsDelivered);
        var second = c.Of(b.Second).Any(Words.IsDelivered);
        if (first && second) return [Print(new BeforeAssertion(b.Second, b.First))];
        var undelivered = new List<string>();
        if (!first) undelivered.Add(Print(new NoEventAssertion(b.First)));
        if (!second) undelivered.Add(Print(new NoEventAssertion(b.Second)));
        return undelivered;
    }
}
