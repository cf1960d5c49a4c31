namespace Errata.Documents.Syntax;

public sealed class Text : Inline
{
    public required string Value { get; init; }
}

public sealed class Emphasis : ContainerInline;

public sealed class Strong : ContainerInline;

/// <summary>Inline code: Markdown backticks, RST double backquotes, code roles.</summary>
public sealed class Code : Inline
{
    public required string Value { get; init; }
}

public sealed class Link : ContainerInline
{
    public required string Url { get; init; }
    public string? Title { get; init; }
}

public sealed class Image : Inline
{
    public required string Url { get; init; }
    public string Alt { get; init; } = "";
}

public sealed class LineBreak : Inline
{
    public bool Hard { get; init; }
}

public sealed class HtmlInline : Inline
{
    public required string Html { get; init; }
}
