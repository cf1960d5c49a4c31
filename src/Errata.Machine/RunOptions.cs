namespace Errata.Machine;

/// <summary>How to run: whether to keep an instruction trace, and how long the run may take on the wall clock.</summary>
public sealed record RunOptions(bool Trace = false, TimeSpan? Timeout = null)
{
    /// <summary>The wall-clock limit when none is given: a run that has not ended by then ends "timed out".</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public TimeSpan EffectiveTimeout => Timeout ?? DefaultTimeout;
}
