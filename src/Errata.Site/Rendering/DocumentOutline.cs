using Errata.Diagnostics;
using Errata.Documents.Syntax;

namespace Errata.Site.Rendering;

/// <summary>
/// Where each scenario of a document stands: the innermost section around it, which sets
/// its heading level (one below its section, so headings never skip a level), and the
/// paragraph just before it, the prose it proves, which the scenarios page links back to.
/// Scenarios are found by name and paragraphs by their place in the source: values, so the
/// outline answers for any copy of a node, not only the object it was built from.
/// </summary>
public sealed class DocumentOutline
{
    private readonly Dictionary<string, Section?> _sections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Paragraph> _prose = new(StringComparer.Ordinal);
    private readonly Dictionary<SourceSpan, ScenarioBlock> _provedBy = [];
    // A paragraph included twice has the same span twice: it cannot carry one anchor, so it carries none.
    private readonly HashSet<SourceSpan> _paragraphSpans = [];
    private readonly HashSet<SourceSpan> _repeated = [];

    private DocumentOutline() { }

    public static DocumentOutline Of(Document document)
    {
        var outline = new DocumentOutline();
        outline.Visit(document, null);
        foreach (var span in outline._repeated) outline._provedBy.Remove(span);
        return outline;
    }

    public Section? SectionOf(ScenarioBlock block) => _sections.GetValueOrDefault(block.Name);

    /// <summary>The paragraph a scenario follows directly, or null when something else precedes it (or that paragraph repeats).</summary>
    public Paragraph? ProseOf(ScenarioBlock block) =>
        _prose.GetValueOrDefault(block.Name) is { } p && _provedBy.ContainsKey(p.Span) ? p : null;

    public ScenarioBlock? ScenarioAfter(Paragraph paragraph) => _provedBy.GetValueOrDefault(paragraph.Span);

    /// <summary>The anchor of the prose a scenario proves: made from the scenario's name, so it is as stable as the scenario's own.</summary>
    public static string ProseId(ScenarioBlock block) => block.Id + "-prose";

    /// <summary>A section's heading level on a page: the document's top sections are the page's h1.</summary>
    public static int HeadingLevel(Section section) => Math.Clamp(section.Level, 1, 6);

    public int ScenarioHeadingLevel(ScenarioBlock block) => SectionOf(block) is { } s ? Math.Min(HeadingLevel(s) + 1, 6) : 2;

    private void Visit(Node node, Section? section)
    {
        Node? previous = null;
        foreach (var child in NodeWalker.Children(node))
        {
            switch (child)
            {
                case ScenarioBlock block:
                    _sections.TryAdd(block.Name, section);
                    if (previous is Paragraph prose && _prose.TryAdd(block.Name, prose))
                        _provedBy.TryAdd(prose.Span, block);
                    break;
                case Section s:
                    Visit(s, s);
                    break;
                case Paragraph p:
                    if (!_paragraphSpans.Add(p.Span)) _repeated.Add(p.Span);
                    Visit(p, section);
                    break;
                default:
                    Visit(child, section);
                    break;
            }
            previous = child;
        }
    }
}
