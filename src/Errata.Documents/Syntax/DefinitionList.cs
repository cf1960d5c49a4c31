namespace Errata.Documents.Syntax;

/// <summary>Terms with their definitions (RST definition lists).</summary>
public sealed class DefinitionList : Block
{
    public List<DefinitionItem> Items { get; } = [];
}

/// <summary>One term, its classifiers (<c>term : classifier</c>) and the definition as child blocks.</summary>
public sealed class DefinitionItem : ContainerBlock, IHasChildren
{
    public List<Inline> Term { get; } = [];
    public List<List<Inline>> Classifiers { get; } = [];

    public IReadOnlyList<Node> ChildNodes => [.. Term, .. Classifiers.SelectMany(c => c), .. Children];
}
