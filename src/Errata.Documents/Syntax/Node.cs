using Errata.Diagnostics;

namespace Errata.Documents.Syntax;

/// <summary>A node of the document model that both the Markdown and the RST reader produce.</summary>
public abstract class Node
{
    public SourceSpan Span { get; init; }

    /// <summary>
    /// Class names the author gave the element (RST's <c>:class:</c> option, <c>container</c>'s
    /// arguments, the <c>class</c> directive), made valid as docutils makes them; the HTML adds
    /// them to the element's own. Empty for most nodes, so it shares one empty list until set.
    /// </summary>
    public IReadOnlyList<string> Classes { get; set; } = [];
}

public abstract class Block : Node;

public abstract class Inline : Node;

/// <summary>A block whose content is more blocks.</summary>
public abstract class ContainerBlock : Block
{
    public List<Block> Children { get; } = [];
}

/// <summary>A block whose content is a run of inline nodes.</summary>
public abstract class LeafBlock : Block
{
    public List<Inline> Inlines { get; } = [];
}

/// <summary>An inline whose content is more inlines.</summary>
public abstract class ContainerInline : Inline
{
    public List<Inline> Children { get; } = [];
}
