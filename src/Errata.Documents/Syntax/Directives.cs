namespace Errata.Documents.Syntax;

/// <summary>
/// A directive the generator keeps by name but does not interpret itself (Sphinx and kernel
/// directives such as <c>kernel-doc</c> or <c>c:function</c>): its argument, options and
/// parsed or literal content stay available to extensions and render as a labelled box.
/// </summary>
public sealed class DirectiveBlock : ContainerBlock
{
    public required string Name { get; init; }
    public string Arguments { get; init; } = "";
    public Dictionary<string, string> Options { get; } = [];
}

/// <summary>The Sphinx <c>toctree</c>: a list of documents (as written, without extension).</summary>
public sealed class TocTree : Block
{
    public List<string> Entries { get; } = [];
    /// <summary>Each entry's explicit title (<c>Title &lt;doc&gt;</c>), or null: parallel to <see cref="Entries"/>.</summary>
    public List<string?> Titles { get; } = [];
    /// <summary>The entries resolved to pages by the site (link and page title), in entry order; empty until then.</summary>
    public List<TocTreeLink> Links { get; } = [];
    public List<Inline> Caption { get; } = [];
    public int MaxDepth { get; init; }
}

/// <summary>The <c>contents</c> directive: a table of contents of the document (or of the enclosing section when local), as nested lists of links in its children.</summary>
public sealed class Contents : ContainerBlock, IHasChildren
{
    public List<Inline> Title { get; } = [];
    public int Depth { get; init; }
    public bool Local { get; init; }

    public IReadOnlyList<Node> ChildNodes => [.. Title, .. Children];
}

/// <summary>An image as a block (<c>image</c> directive), optionally a figure with caption and legend.</summary>
public sealed class Figure : ContainerBlock, IHasChildren
{
    public required Image Image { get; init; }
    /// <summary>Where a click on the image goes (<c>:target:</c>), or null.</summary>
    public string? Target { get; init; }
    public bool IsFigure { get; init; }
    public List<Inline> Caption { get; } = [];

    public IReadOnlyList<Node> ChildNodes => [Image, .. Caption, .. Children];
}

/// <summary>The definition of a substitution (<c>.. |name| replace:: text</c>); references copy its inlines.</summary>
public sealed class SubstitutionDefinition : LeafBlock
{
    public required string Name { get; init; }
}

/// <summary>A toctree entry resolved to a page: where it links and the title it shows.</summary>
public sealed record TocTreeLink(string Url, string Title);
