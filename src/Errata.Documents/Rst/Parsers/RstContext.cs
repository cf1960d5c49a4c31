using Errata.Diagnostics;
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
    private readonly List<(SubstitutionReference Reference, SourceSpan At)> _substitutionReferences = [];
    private readonly List<Action> _afterInlines = [];

    public RstContext(SourceText source, ReadContext read, Document document, DirectiveRegistry directives)
    {
        Source = source;
        Read = read;
        Document = document;
        Directives = directives;
        Inlines = new InlineParser(this);
        Body = new BodyParser(this);
        Folder = read.FolderOf(source.Path);
        DisplayFolder = Path.GetDirectoryName(source.Path) ?? "";
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

    /// <summary>The language Sphinx's <c>highlight</c> set for <c>::</c> literal blocks, or null.</summary>
    public string? HighlightLanguage { get; set; }

    /// <summary>Custom roles declared with <c>.. role:: name(base)</c>, by name, to their base role.</summary>
    public Dictionary<string, string> RoleAliases { get; } = [];
    public int IncludeDepth { get; set; }

    /// <summary>Set by a <c>sectnum</c> directive: how the sections are numbered once read.</summary>
    public SectionNumbers? SectionNumbers { get; set; }

    /// <summary>The folder of the file whose lines are being read: the document's, or an included file's while it is read.</summary>
    public string Folder { get; set; }

    /// <summary>The folder of the file being read as diagnostics name it: the document's, then each include's.</summary>
    public string DisplayFolder { get; set; }

    public SourceSpan DocumentSpan => new(Source.Path, 0, 0, 0);

    public void Report(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] args) => Document.Diagnostics.Add(descriptor.At(span, args));

    /// <summary>Parses <paramref name="lines"/> as inline text into <paramref name="into"/> after all blocks are read.</summary>
    public void DeferInlines(List<Inline> into, IReadOnlyList<RstLine> lines, int length = -1, Action? then = null) =>
        _deferred.Add((into, lines, length, then));

    /// <summary>Runs <paramref name="action"/> once all inline text is parsed (to move inlines between nodes).</summary>
    public void AfterInlines(Action action) => _afterInlines.Add(action);

    public void DefineSubstitution(SubstitutionDefinition definition) => _substitutions.TryAdd(LinkTable.Normalize(definition.Name), definition);

    public void NoteSubstitutionReference(SubstitutionReference reference, SourceSpan at) => _substitutionReferences.Add((reference, at));

    /// <summary>Definitions that reach themselves through their own references; filling them would make the tree a cycle.</summary>
    private HashSet<string> CircularSubstitutions()
    {
        var uses = _substitutions.ToDictionary(
            d => d.Key,
            d => d.Value.Inlines.SelectMany(NodeWalker.Descendants).OfType<SubstitutionReference>().Select(r => LinkTable.Normalize(r.Name)).ToList());
        var circular = new HashSet<string>();
        foreach (var start in uses.Keys)
        {
            var seen = new HashSet<string>();
            var stack = new Stack<string>(uses[start]);
            while (stack.Count > 0)
            {
                var name = stack.Pop();
                if (name == start) { circular.Add(start); break; }
                if (seen.Add(name) && uses.TryGetValue(name, out var next)) foreach (var n in next) stack.Push(n);
            }
        }
        return circular;
    }

    /// <summary>Runs the deferred inline parsing, then fills substitutions and numbers footnotes.</summary>
    public void Finish()
    {
        // Inline parsing can defer more (substitution text); run until none is left.
        for (var i = 0; i < _deferred.Count; i++)
        {
            var (into, lines, length, then) = _deferred[i];
            Inlines.Parse(lines, length, into);
            then?.Invoke();
        }
        foreach (var action in _afterInlines) action();
        var circular = CircularSubstitutions();
        foreach (var (reference, at) in _substitutionReferences)
        {
            var key = LinkTable.Normalize(reference.Name);
            if (circular.Contains(key))
                Report(RstMarkupErrors.CircularSubstitution, at, reference.Name);
            else if (_substitutions.TryGetValue(key, out var definition))
                reference.Children.AddRange(definition.Inlines);
            else
                Report(RstErrors.UndefinedSubstitution, at, reference.Name);
        }
        foreach (var (at, problem, name) in Links.Problems().Concat(Footnotes.Number())) Report(problem, at, name);
    }
}
