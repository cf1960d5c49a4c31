namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary>One RST directive: how its block splits into arguments, options and content, and what it adds.</summary>
internal interface IDirective
{
    DirectiveShape Shape { get; }

    void Run(RstContext context, DirectiveInput input, BlockSink sink);
}

/// <summary>
/// docutils' directive class attributes: argument counts, whether the last argument may
/// hold spaces, whether options and content are accepted.
/// </summary>
internal sealed record DirectiveShape(int Required = 0, int Optional = 0, bool FinalArgumentWhitespace = false, bool HasOptions = true, bool HasContent = true)
{
    public static readonly DirectiveShape ContentOnly = new(HasOptions: true);
    public static readonly DirectiveShape OneArgument = new(Required: 1, FinalArgumentWhitespace: true);
    public static readonly DirectiveShape OptionalArgument = new(Optional: 1, FinalArgumentWhitespace: true);
}

/// <summary>A directive's parts; <see cref="Block"/> is every line it spans, for error reports.</summary>
internal sealed record DirectiveInput(
    string Name,
    RstLine Line,
    IReadOnlyList<string> Arguments,
    IReadOnlyList<RstLine> ArgumentLines,
    IReadOnlyList<DirectiveOption> Options,
    IReadOnlyList<RstLine> Content,
    IReadOnlyList<RstLine> Block)
{
    public string Argument => string.Join(" ", Arguments);

    /// <summary>The <c>:class:</c> option's class names (<see cref="ClassNames"/>); empty without one.</summary>
    public IReadOnlyList<string> Classes { get; init; } = [];

    public string? Option(string name) => Options.LastOrDefault(o => o.Name == name)?.Value;

    public bool HasOption(string name) => Options.Any(o => o.Name == name);
}
