namespace Errata.Documents.Syntax;

/// <summary>A footnote (<c>.. [1]</c>, <c>.. [#]</c>, <c>.. [#name]</c>, <c>.. [*]</c>) or a citation (<c>.. [CIT]</c>).</summary>
public sealed class Footnote : ContainerBlock
{
    /// <summary>The label as written between the brackets.</summary>
    public required string Label { get; init; }
    public bool IsCitation { get; init; }
    /// <summary>The number or symbol shown, assigned after reading for auto-numbered footnotes.</summary>
    public string Mark { get; set; } = "";
}

/// <summary>A reference to a footnote or citation (<c>[1]_</c>, <c>[#]_</c>, <c>[CIT]_</c>).</summary>
public sealed class FootnoteReference : Inline
{
    public required string Label { get; init; }
    public bool IsCitation { get; init; }
    public string Mark { get; set; } = "";
}
