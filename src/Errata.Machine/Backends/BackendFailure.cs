namespace Errata.Machine.Backends;

/// <summary>
/// A backend could not produce an outcome for a reason outside Errata's model: the program it
/// runs is missing, the run did not finish in time, the image does not fit. Commands report it
/// at the scenario as bad input (exit 2), never as a claim's verdict.
/// </summary>
public sealed class BackendFailure(string message) : Exception(message);
