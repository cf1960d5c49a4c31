namespace Errata.Documents.Syntax;

/// <summary>A titled part of a document; RST sections and Markdown headings both become one.</summary>
public sealed class Section : ContainerBlock
{
    /// <summary>1 for a top section; settable because docutils' DocTitle transform lifts the sections under a subtitle one level.</summary>
    public required int Level { get; set; }
    public List<Inline> Title { get; } = [];
    /// <summary>The anchor id, unique in its document.</summary>
    public string Id { get; set; } = "";
    /// <summary>A lone second-level section under the document's title (docutils' DocTitle transform): shown as the page's subtitle, not as a heading.</summary>
    public bool IsSubtitle { get; set; }
}

public sealed class Paragraph : LeafBlock;

public sealed class LiteralBlock : Block
{
    public required string Text { get; init; }
    public string? Language { get; init; }
}

public sealed class BlockQuote : ContainerBlock
{
    public List<Inline> Attribution { get; } = [];
}

public sealed class ListItem : ContainerBlock;

public sealed class BulletList : Block
{
    public List<ListItem> Items { get; } = [];
}

public enum EnumerationStyle
{
    Arabic,
    LowerAlpha,
    UpperAlpha,
    LowerRoman,
    UpperRoman,
}

public sealed class OrderedList : Block
{
    public int Start { get; init; } = 1;
    public EnumerationStyle Style { get; init; }
    public List<ListItem> Items { get; } = [];
}

public sealed class Transition : Block;

/// <summary>Raw HTML from a Markdown page or an enabled RST <c>raw</c> directive.</summary>
public sealed class HtmlBlock : Block
{
    public required string Html { get; init; }
}

/// <summary>note, warning, tip, important or a titled generic admonition.</summary>
public sealed class Admonition : ContainerBlock
{
    public required string Kind { get; init; }
    public List<Inline> Title { get; } = [];
}

public sealed class TableCell : ContainerBlock
{
    public int ColSpan { get; set; } = 1;
    public int RowSpan { get; set; } = 1;
}

public sealed class TableRow : Node
{
    public List<TableCell> Cells { get; } = [];
}

public sealed class Table : Block
{
    public List<Inline> Caption { get; } = [];
    public List<TableRow> Head { get; } = [];
    public List<TableRow> Body { get; } = [];
}
