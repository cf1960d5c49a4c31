namespace Errata.Scenarios.Running;

/// <summary>
/// The machine threw while running a scenario: a bug in Errata, never an outcome a claim can
/// judge. The message names the scenario, where it is written and the profile.
/// </summary>
public sealed class MachineFaultException(string message, Exception inner) : Exception(message, inner);
