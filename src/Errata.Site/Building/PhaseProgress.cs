namespace Errata.Site.Building;

/// <summary>
/// One phase of a build as it runs: counts its items across threads for an
/// <see cref="IBuildProgress"/> and measures the phase for <see cref="BuildTimings"/>, so
/// the progress and the timings tell the same story.
/// </summary>
public sealed class PhaseProgress(IBuildProgress progress, BuildPhase phase)
{
    // From construction: finding what the phase will do is part of its time.
    private readonly long _started = BuildTimings.Now();
    private int _total;
    private int _done;

    /// <summary>The phase knows how many items it has.</summary>
    public void Start(int total)
    {
        _total = total;
        progress.Started(phase, total);
    }

    /// <summary>One more item done; safe from any thread.</summary>
    public void Advance() => progress.Advanced(phase, Interlocked.Increment(ref _done), _total);

    /// <summary>The phase is over: how long it took.</summary>
    public TimeSpan Finish()
    {
        var took = BuildTimings.Since(_started);
        progress.Finished(phase, Volatile.Read(ref _done), took);
        return took;
    }
}
