namespace Errata.Machine.Events;

/// <summary>How a run ended, as assertions and the JSON name it.</summary>
public enum RunEnd
{
    Halted,
    Stopped,
    Shutdown,
    Reset,
    BudgetExceeded,

    /// <summary>The run's wall-clock limit passed before any other end (RunOptions.Timeout).</summary>
    TimedOut,
}
