namespace Errata.Machine.Backends;

/// <summary>
/// What produced an outcome when it was not the built-in machine: the backend, its version
/// (`qemu-system-x86_64 --version`), the CPU model and the accelerator.
/// </summary>
public sealed record RunProvenance(string Backend, string Version, string Cpu, string Accel)
{
    public override string ToString() => $"{Backend} {Version}, -cpu {Cpu}, -accel {Accel}";
}
