namespace Errata.Qemu.Image;

/// <summary>The machine image cannot become a QEMU image: it does not fit the layout, or asks for what the image cannot do.</summary>
public sealed class ImageRefusal(string message) : Exception(message);
