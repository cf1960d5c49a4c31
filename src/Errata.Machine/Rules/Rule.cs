namespace Errata.Machine.Rules;

/// <summary>
/// A named decision the machine makes: a stable id (gif0.discard-breakpoint-match),
/// a one-line statement and its source (an APM section, a kernel file and function,
/// or "policy" where the sources are silent). Every event carries the rule that decided it.
/// </summary>
public sealed record Rule(string Id, string Statement, string Source);
