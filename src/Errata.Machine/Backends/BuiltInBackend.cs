using Errata.Machine.Profiles;

namespace Errata.Machine.Backends;

/// <summary>The default backend: <see cref="X86Machine"/>, which realises every profile.</summary>
public sealed class BuiltInBackend : IMachineBackend
{
    public static readonly BuiltInBackend Instance = new();

    private BuiltInBackend() { }

    public string Name => "builtin";

    public string? Realises => null;

    public Outcome Run(MachineImage image, Profile profile, RunOptions? options = null) =>
        X86Machine.Run(image, profile, options);
}
