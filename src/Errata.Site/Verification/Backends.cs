using Errata.Machine.Backends;
using Errata.Qemu.Running;

namespace Errata.Site.Verification;

/// <summary>The backends a command may name with --backend: the built-in machine (the default) and QEMU.</summary>
public static class Backends
{
    public const string BuiltIn = "builtin";
    public const string Qemu = "qemu";

    public static IReadOnlyList<string> Names { get; } = [BuiltIn, Qemu];

    /// <summary>The backend of that name, or null for a name no backend has. QEMU runs on KVM when /dev/kvm offers SVM, on TCG otherwise.</summary>
    public static IMachineBackend? Create(string name) => name switch
    {
        BuiltIn => BuiltInBackend.Instance,
        Qemu => new QemuBackend(),
        _ => null,
    };
}
