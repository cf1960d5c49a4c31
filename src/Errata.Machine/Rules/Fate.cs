namespace Errata.Machine.Rules;

/// <summary>
/// What a rule decides: deliver (or, for a mechanism, apply its effect), hold pending, or discard
/// (for a mechanism: do not apply). Inverting a rule swaps Deliver and Discard.
/// </summary>
internal enum Fate
{
    Deliver,
    Hold,
    Discard,
}
