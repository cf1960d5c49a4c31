namespace Errata.Testing.Differential;

/// <summary>What differs between two outcomes of one image.</summary>
internal enum DisagreementKind
{
    /// <summary>The runs ended differently (halted, stopped, reset, timed out ...).</summary>
    End,

    /// <summary>The model delivered an event the real run did not deliver there.</summary>
    MissingEvent,

    /// <summary>The real run delivered an event the model did not deliver there.</summary>
    ExtraEvent,

    /// <summary>The same deliveries, in another order.</summary>
    EventOrder,

    /// <summary>The same #DB at the same place, with another DR6.</summary>
    Dr6,

    /// <summary>A final register both runs report has another value.</summary>
    FinalState,
}

/// <summary>
/// One difference between the model's outcome (expected) and a real run's (observed).
/// <see cref="Class"/> groups like differences across programs: the kind and its subject
/// (an event name or a field), without addresses or values.
/// </summary>
internal sealed record Disagreement(DisagreementKind Kind, string Subject, string Detail)
{
    /// <summary>The model's delivery this is about, when it is about one.</summary>
    public Delivery? Expected { get; init; }

    /// <summary>The real run's delivery this is about, when it is about one.</summary>
    public Delivery? Observed { get; init; }

    /// <summary>
    /// For an <see cref="DisagreementKind.EventOrder"/>: the deliveries one run has and the other
    /// lacks where the two lists are aligned, each a missing or extra event. Two such differences
    /// with the same key (one run's extra delivery, the other's missing one) leave the lists a
    /// permutation of each other, so they show only as an order.
    /// </summary>
    public IReadOnlyList<Disagreement> Parts { get; init; } = [];

    public string Class => $"{Kind} {Subject}";

    public override string ToString() => $"{Class}: {Detail}";
}
