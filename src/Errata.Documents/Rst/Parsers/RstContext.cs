using Errata.Documents.Diagnostics;
using Errata.Documents.Rst.Parsers.Directives;
using Errata.Documents.Rst.Parsers.Inlines;
using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers;

/// <summary>
/// Everything one document's reading shares: diagnostics, title styles, targets, footnotes,
/// substitutions, and inline text waiting to be parsed once all blocks (and so all targets)
/// have been read.
/// </summary>
internal sealed class RstContext
{
    private readonly List<(List<Inline> Into, IReadOnlyList<RstLine> Lines, int Length, Action? Then)> _deferred = [];
    private readonly Dictionary<string, SubstitutionDefinition> _substitutions = [];
    private readonly List<SubstitutionReference> _substitutionReferences = [];
    private readonly List<Action> _afterInlines = [];

    public RstContext(SourceText source, ReadContext read, Document document, DirectiveRegistry directives)
    {
        Source = source;
        Read = read;
        Document = document;
        Directives = directives;
        Inlines = new InlineParser(this);
        Body = new BodyParser(this);
    }

    public SourceText Source { get; }
    public ReadContext Read { get; }
    public Document Document { get; }
    public DirectiveRegistry Directives { get; }
    public InlineParser Inlines { get; }
    public BodyParser Body { get; }
    public LinkTable Links { get; } = new();
    public FootnoteTable Footnotes { get; } = new();
    public Slug Slugs { get; } = new();

    /// <summary>Section title styles in order of first appearance: "=" underline only, "==" over- and underline.</summary>
    public List<string> TitleStyles { get; } = [];
    public string DefaultRole { get; set; } = "title-reference";

    /// <summary>Custom roles declared with <c>.. role:: name(base)</c>, by name, to their base role.</summary>
    public Dictionary<string, string> RoleAliases { get; } = [];
    public int IncludeDepth { get; set; }

    public SourceSpan DocumentSpan => new(Source.Path, 0, 0, 0);

    public void Warning(SourceSpan span, string message) => Document.Diagnostics.Add(RstErrors.MarkupWarning.At(span, message));

    public void Error(SourceSpan span, string message) => Document.Diagnostics.Add(RstErrors.MarkupError.At(span, message));

    public void Report(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] args) => Document.Diagnostics.Add(descriptor.At(span, args));

    /// <summary>Parses <paramref name="lines"/> as inline text into <paramref name="into"/> after all blocks are read.</summary>
    public void DeferInlines(List<Inline> into, IReadOnlyList<RstLine> lines, int length = -1, Action? then = null) =>
        _deferred.Add((into, lines, length, then));

    /// <summary>Runs <paramref name="action"/> once all inline text is parsed (to move inlines between nodes).</summary>
    public void AfterInlines(Action action) => _afterInlines.Add(action);

    public void DefineSubstitution(SubstitutionDefinition definition) => _substitutions.TryAdd(LinkTable.Normalize(definition.Name), definition);

    public void NoteSubstitutionReference(SubstitutionReference reference) => _substitutionReferences.Add(reference);

    /// <summary>Runs the deferred inline parsing, then fills substitutions and numbers footnotes.</summary>
    public void Finish()
    {
        // Inline parsing can defer more (substitution text); run until none is left.
        for (var i = 0; i < _deferred.Count; i++)
        {
            var (into, lines, length, then) = _deferred[i];
            into.AddRange(Inlines.Parse(lines, length));
            then?.Invoke();
        }
        foreach (var action in _afterInlines) action();
        foreach (var reference in _substitutionReferences)
        {
            if (_substitutions.TryGetValue(LinkTable.Normalize(reference.Name), out var definition))
                reference.Children.AddRange(definition.Inlines);
            else
                Report(RstErrors.UndefinedSubstitution, reference.Span, reference.Name);
        }
        Footnotes.Number();
    }
}
