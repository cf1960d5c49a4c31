using Errata.Machine;
using Errata.Machine.Backends;
using Errata.Machine.Profiles;
using Errata.Qemu.Image;
using Errata.Qemu.Report;

namespace Errata.Qemu.Running;

/// <summary>
/// Runs images on qemu-system-x86_64: builds the multiboot image, runs QEMU once, reads the
/// report into an outcome that records the QEMU version, CPU model and accelerator. Each run is
/// its own process, so runs may go in parallel.
/// </summary>
public sealed class QemuBackend : IMachineBackend
{
    private readonly Lazy<QemuInstallation> _qemu;

    public QemuBackend(QemuAccel? accel = null, string? executable = null)
    {
        Accel = accel ?? QemuAccel.Detect();
        _qemu = new Lazy<QemuInstallation>(() => QemuInstallation.Find(executable));
    }

    public QemuAccel Accel { get; }

    public string Name => "qemu";

    public string? Realises => Accel.Profile;

    /// <summary>The QEMU that runs the images; finding it fails with a <see cref="BackendFailure"/> when it is missing.</summary>
    public QemuInstallation Installation => _qemu.Value;

    public RunProvenance Provenance => new(Name, Installation.Version, Accel.Cpu, Accel.Accel);

    public Outcome Run(MachineImage image, Profile profile, RunOptions? options = null)
    {
        BootImage boot;
        try
        {
            boot = ImageBuilder.BuildImage(image);
        }
        catch (ImageRefusal e)
        {
            throw new BackendFailure(e.Message);
        }
        var timeout = (options ?? new RunOptions()).EffectiveTimeout;
        var exit = QemuProcess.Run(Installation, Accel, boot.File, timeout);
        return OutcomeReader.Read(exit, image, boot, profile.Name, Provenance);
    }
}
