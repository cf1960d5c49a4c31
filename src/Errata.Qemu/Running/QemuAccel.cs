namespace Errata.Qemu.Running;

/// <summary>
/// How QEMU executes the guest, and the profile whose claims that run is judged by: TCG with an
/// SVM-capable CPU model realises `qemu-tcg`; KVM with the host's CPU realises `kvm`, on a host
/// whose /dev/kvm offers SVM (an AMD host with nested SVM).
/// </summary>
public sealed record QemuAccel(string Accel, string Cpu, string Machine, string Profile)
{
    public static readonly QemuAccel Tcg = new("tcg", "qemu64,+svm", "microvm", "qemu-tcg");
    public static readonly QemuAccel Kvm = new("kvm", "host", "microvm", "kvm");

    /// <summary>KVM when the host offers SVM through /dev/kvm, TCG otherwise.</summary>
    public static QemuAccel Detect() => KvmOffersSvm() ? Kvm : Tcg;

    private static bool KvmOffersSvm()
    {
        try
        {
            if (!File.Exists("/dev/kvm")) return false;
            using var kvm = File.Open("/dev/kvm", FileMode.Open, FileAccess.ReadWrite);
            return File.ReadLines("/proc/cpuinfo").Any(l => l.StartsWith("flags", StringComparison.Ordinal) && l.Split(' ').Contains("svm"));
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }
}
