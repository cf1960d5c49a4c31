using Errata.Machine.Rules;
using System.Collections.Concurrent;

namespace Errata.Machine.Profiles;

/// <summary>The built-in profiles by name.</summary>
public static class ProfileRegistry
{
    private static readonly Profile[] Profiles =
    [
        new ApmProfile(),
        new KvmProfile("kvm", vgif: true,
            "an L1 hypervisor inside a KVM guest with nested SVM and vGIF enabled, as the KVM of " + KernelCitation.Tree + " behaves"),
        new KvmProfile("kvm-novgif", vgif: false,
            "an L1 hypervisor inside a KVM guest with nested SVM and vGIF disabled (KVM intercepts CLGI/STGI and tracks GIF itself), as the KVM of " + KernelCitation.Tree + " behaves"),
        new QemuTcgProfile(),
    ];

    /// <summary>
    /// Profiles a test adds by name (a platform that throws, to check that a machine fault is
    /// reported as an internal error); never listed in <see cref="All"/>.
    /// </summary>
    private static readonly ConcurrentDictionary<string, Profile> Added = new(StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<Profile> All => Profiles;

    public static bool TryGet(string name, out Profile profile)
    {
        profile = Profiles.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? Added.GetValueOrDefault(name)!;
        return profile is not null;
    }

    internal static void Add(Profile profile) => Added[profile.Name] = profile;
}
