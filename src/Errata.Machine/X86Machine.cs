using Errata.Machine.Profiles;

namespace Errata.Machine;

/// <summary>The built-in x86-64 machine: runs an image on a profile and reports what happened.</summary>
public static class X86Machine
{
    /// <summary>
    /// Identifies the machine's behaviour for caches and provenance; changes whenever
    /// a rule or mechanism changes.
    /// </summary>
    public static string Version => throw new NotImplementedException();

    public static Outcome Run(MachineImage image, Profile profile, RunOptions? options = null) =>
        throw new NotImplementedException();
}
