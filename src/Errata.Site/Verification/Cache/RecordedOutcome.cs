using Errata.Machine;

namespace Errata.Site.Verification.Cache;

/// <summary>
/// A fresh outcome whose final state and states at delivery record the memory judged from
/// them, so that its cache entry can hold what the claims read.
/// </summary>
public sealed class RecordedOutcome
{
    private RecordedOutcome(Outcome outcome)
    {
        Final = RecordedState.Of(outcome.Final);
        AtDelivery = outcome.Events.Select(e => e.AtDelivery is { } s ? RecordedState.Of(s) : null).ToList();
        Outcome = outcome with
        {
            Final = Final.State,
            Events = outcome.Events.Select((e, i) => e with { AtDelivery = AtDelivery[i]?.State }).ToList(),
        };
    }

    /// <summary>The outcome to judge, equal to the machine's but for the recording.</summary>
    public Outcome Outcome { get; }

    public RecordedState Final { get; }

    /// <summary>Each event's state at delivery, in the order of the events (null: not delivered).</summary>
    public IReadOnlyList<RecordedState?> AtDelivery { get; }

    public static RecordedOutcome Of(Outcome outcome) => new(outcome);
}
