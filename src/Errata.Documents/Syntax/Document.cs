using Errata.Diagnostics;

namespace Errata.Documents.Syntax;

/// <summary>One source file read into the document model, with what its reader reported.</summary>
public sealed class Document : ContainerBlock
{
    public Document(string path) => Path = path;

    /// <summary>The source path relative to the site's source folder, with forward slashes.</summary>
    public string Path { get; }

    /// <summary>The first top-level section's title as plain text, or null.</summary>
    public string? Title { get; set; }

    /// <summary>The subtitle as plain text (an RST document's lone second-level section under its lone top one), or null.</summary>
    public string? Subtitle { get; set; }

    public List<Diagnostic> Diagnostics { get; } = [];

    public IEnumerable<T> Descendants<T>() where T : Node => NodeWalker.Descendants(this).OfType<T>();
}
