namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary>Directives by (case-insensitive) name. Extensions may add or replace entries.</summary>
internal sealed class DirectiveRegistry
{
    private readonly Dictionary<string, IDirective> _directives = new(StringComparer.OrdinalIgnoreCase);

    public DirectiveRegistry Add(IDirective directive, params string[] names)
    {
        foreach (var name in names) _directives[name] = directive;
        return this;
    }

    public IDirective? Find(string name) => _directives.GetValueOrDefault(name);

    /// <summary>docutils' directives plus the Sphinx and kernel ones Linux documents use.</summary>
    public static DirectiveRegistry CreateDefault() => new DirectiveRegistry()
        .Add(new AdmonitionDirective(titled: false), AdmonitionDirective.Kinds)
        .Add(new AdmonitionDirective(titled: true), "admonition", "topic", "sidebar")
        .Add(new CodeDirective(), "code", "code-block", "sourcecode")
        .Add(new HighlightDirective(), "highlight")
        .Add(new ImageDirective(figure: false), "image", "kernel-image")
        .Add(new ImageDirective(figure: true), "figure", "kernel-figure")
        .Add(new TableDirective(), "table")
        .Add(new ListTableDirective(), "list-table")
        .Add(new CsvTableDirective(), "csv-table")
        .Add(new FlatTableDirective(), "flat-table")
        .Add(new TocTreeDirective(), "toctree")
        .Add(new ContentsDirective(), "contents")
        .Add(new SectNumDirective(), "sectnum", "section-numbering")
        .Add(new TargetNotesDirective(), "target-notes")
        .Add(new IncludeDirective(), "include")
        .Add(new RawDirective(), "raw")
        .Add(new ScenarioDirective(), "scenario")
        .Add(new GapsDirective(), "gaps")
        .Add(new RoleDirective(), "role", "default-role")
        .Add(new ClassDirective(), "class", "cssclass")
        .Add(new QuoteDirective(), "epigraph", "highlights", "pull-quote")
        .Add(new LiteralDirective(), "parsed-literal", "math")
        .Add(new LineBlockDirective(), "line-block")
        .Add(new ContainerDirective(titles: false), ContainerDirective.ParsedNames)
        .Add(new ContainerDirective(titles: true), "only")
        .Add(new StubDirective(), StubDirective.Names)
        .Add(new MetadataDirective(), MetadataDirective.Names);
}
