using Errata.Diagnostics;

namespace Errata.Documents.Syntax;

/// <summary>A node of the document model that both the Markdown and the RST reader produce.</summary>
public abstract class Node
{
    public SourceSpan Span { get; init; }
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
