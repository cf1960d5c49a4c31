namespace Errata.Qemu.Image;

/// <summary>The assembled 64-bit firmware: its bytes at <see cref="QemuLayout.FirmwareBase"/>, where each vector enters, where the boot stub jumps, and where SMM's trampoline jumps.</summary>
internal sealed record FirmwareCode(byte[] Bytes, ulong[] VectorEntries, ulong LongModeEntry, ulong SmmEntry);
