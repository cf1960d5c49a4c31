namespace Errata.Documents.Syntax;

/// <summary>Lines kept as written (RST <c>| </c> line blocks); children are lines or nested, further indented line blocks.</summary>
public sealed class LineBlock : ContainerBlock;

public sealed class LineBlockLine : LeafBlock;
