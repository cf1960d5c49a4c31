using Errata.Machine.Profiles;

namespace Errata.Machine.Backends;

/// <summary>
/// What runs an image: the built-in machine, or an implementation outside Errata (QEMU).
/// A backend that realises one profile only says which (<see cref="Realises"/>); the built-in
/// machine realises every profile it is given.
/// </summary>
public interface IMachineBackend
{
    /// <summary>The name commands and pages use for it (`builtin`, `qemu`).</summary>
    string Name { get; }

    /// <summary>The one profile whose expect lines this backend's runs are judged by, or null for any profile.</summary>
    string? Realises { get; }

    Outcome Run(MachineImage image, Profile profile, RunOptions? options = null);
}
