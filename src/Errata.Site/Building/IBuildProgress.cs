namespace Errata.Site.Building;

/// <summary>The phases of a build, in the order they run (`check` renders nothing).</summary>
public enum BuildPhase
{
    /// <summary>Reading the documents.</summary>
    Read,

    /// <summary>Compiling, running and judging the scenarios.</summary>
    Verify,

    /// <summary>Rendering and writing the pages.</summary>
    Render,
}

/// <summary>
/// What a build tells whoever watches it: each phase's start with how many items it has,
/// each item done, and the phase's end. <see cref="Advanced"/> is called from several
/// threads at once while scenarios verify in parallel, so it must be thread-safe; the
/// others come from the building thread.
/// </summary>
public interface IBuildProgress
{
    void Started(BuildPhase phase, int total);

    /// <summary><paramref name="done"/> items of <paramref name="total"/> are done; calls may arrive out of order.</summary>
    void Advanced(BuildPhase phase, int done, int total);

    void Finished(BuildPhase phase, int done, TimeSpan took);

    /// <summary>No one watching: the default.</summary>
    public static readonly IBuildProgress None = new Silent();

    private sealed class Silent : IBuildProgress
    {
        public void Started(BuildPhase phase, int total) { }
        public void Advanced(BuildPhase phase, int done, int total) { }
        public void Finished(BuildPhase phase, int done, TimeSpan took) { }
    }
}
