namespace Errata.Qemu.Image;

/// <summary>A multiboot image built from a machine image: the file's bytes, and the sites the firmware patched.</summary>
internal sealed record BootImage(byte[] File, IReadOnlyList<Site> Sites);
