namespace Errata.Documents.Syntax;

/// <summary>Command-line options with descriptions (RST option lists).</summary>
public sealed class OptionList : Block
{
    public List<OptionListItem> Items { get; } = [];
}

/// <summary>One or more synonymous options (<c>-a FILE</c>, <c>--all</c>) and the description as child blocks.</summary>
public sealed class OptionListItem : ContainerBlock
{
    public List<string> Options { get; } = [];
}
