namespace Errata.Machine.Events;

/// <summary>An event's fate, as the JSON of SCENARIOS.md names it.</summary>
public enum Disposition
{
    Delivered,
    Discarded,
    /// <summary>Still held when the run ended.</summary>
    Pending,
    DeliveredAfterPending,
}
