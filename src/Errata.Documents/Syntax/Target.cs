namespace Errata.Documents.Syntax;

/// <summary>
/// An RST hyperlink target (<c>.. _name:</c>, <c>.. _name: URL</c>, <c>__ URL</c>). References
/// are resolved while reading, so a target only renders as an anchor when internal.
/// </summary>
public sealed class Target : Block
{
    /// <summary>The normalised name, or empty for an anonymous target.</summary>
    public required string Name { get; init; }
    /// <summary>The external URL or the name of the target this one points to; null for an internal target.</summary>
    public string? Url { get; init; }
    public string Id { get; init; } = "";
}
