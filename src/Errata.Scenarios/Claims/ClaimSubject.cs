using Errata.Machine.Events;

namespace Errata.Scenarios.Claims;

/// <summary>
/// What a claim is about: one event, or (Event null) how the run ended. Accept adds an
/// observed line only where no claim already speaks about its subject on that profile; a
/// gap line states the difference between profiles in its subjects.
/// </summary>
public readonly record struct ClaimSubject(EventId? Event)
{
    public static readonly ClaimSubject End = new(null);

    /// <summary>The subjects the assertion in an expect line's text speaks about.</summary>
    public static IReadOnlyList<ClaimSubject> Of(string assertion) =>
        AssertionParser.Parse(assertion).Assertion is { } parsed ? Of(parsed) : [];

    /// <summary>The subjects an assertion speaks about; final-state claims have none accept would add.</summary>
    public static IReadOnlyList<ClaimSubject> Of(Assertion assertion) => assertion switch
    {
        DeliveredAssertion a => [new(a.Event)],
        NoEventAssertion a => [new(a.Event)],
        DiscardedAssertion a => [new(a.Event)],
        PendingUntilAssertion a => [new(a.Event)],
        CountAssertion a => [new(a.Event)],
        BeforeAssertion a => [new(a.First), new(a.Second)],
        EndAssertion => [End],
        _ => [],
    };
}
