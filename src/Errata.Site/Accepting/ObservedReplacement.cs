using Errata.Scenarios.Claims;
using Errata.Scenarios.Running;
using Errata.Scenarios.Syntax;

namespace Errata.Site.Accepting;

/// <summary>
/// What replaces a claim that failed on one run: the observed claim(s) on the same
/// subject. A state, count or end claim keeps its kind and takes the observed value
/// (the rest of the text as written); an event claim becomes what accept observes about
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
            FinalStateAssertion f => f.Check.TryRead(run.Outcome.Final, c, out var value) ? [WithValue(expect.Text, value)] : [],
            EndAssertion => [ObservedClaims.End(run)],
            CountAssertion n => [WithCount(expect.Text, c.Of(n.Event).Count(Words.IsDelivered))],
            BeforeAssertion b => Order(b, c),
            DeliveredAssertion { At: { } at, With: { } check } d when AtDelivery(d, at, check, c) is { } value => [WithValue(expect.Text, value)],
            DeliveredAssertion d => ObservedClaims.About(d.Event, run, result),
            NoEventAssertion n => ObservedClaims.About(n.Event, run, result),
            DiscardedAssertion d => ObservedClaims.About(d.Event, run, result),
            PendingUntilAssertion p => ObservedClaims.About(p.Event, run, result),
            _ => [],
        };
    }

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
        if (first && second) return [$"{b.Second.Name} before {b.First.Name}"];
        var undelivered = new List<string>();
        if (!first) undelivered.Add($"no {b.First.Name}");
        if (!second) undelivered.Add($"no {b.Second.Name}");
        return undelivered;
    }

    /// <summary>
    /// The text with the number at its end replaced, spacing kept: in hex, except a digit
    /// the author wrote in decimal (`gif = 0`) stays a digit.
    /// </summary>
    private static string WithValue(string text, ulong value)
    {
        var start = NumberStart(text);
        var number = value < 10 && text[start..].All(char.IsAsciiDigit) ? value.ToString(System.Globalization.CultureInfo.InvariantCulture) : Hex.Format(value);
        return text[..start] + number;
    }

    /// <summary>A count is written in decimal, as the language reads it.</summary>
    private static string WithCount(string text, int count) =>
        text[..NumberStart(text)] + count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int NumberStart(string text)
    {
        var start = text.Length;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]) && text[start - 1] != '=') start--;
        return start;
    }
}
