namespace Errata.Qemu.Running;

/// <summary>
/// The command line: no default devices or display, the multiboot image, the debug console on
/// standard output (isa-debugcon, port 0xE9), the exit device (isa-debug-exit, port 0xF4), and
/// no reboot, so a triple fault ends QEMU instead of booting again.
/// </summary>
public static class QemuCommandLine
{
    public static IReadOnlyList<string> Arguments(QemuAccel accel, string imagePath) =>
    [
        "-M", accel.Machine,
        "-accel", accel.Accel,
        "-cpu", accel.Cpu,
        "-m", "16",
        "-smp", "1",
        "-nodefaults",
        "-display", "none",
        "-no-reboot",
        "-kernel", imagePath,
        "-chardev", "stdio,id=console,signal=off",
        "-device", "isa-debugcon,iobase=0xe9,chardev=console",
        "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
    ];
}
