using Errata.Documents.Syntax;

namespace Errata.Site.Rendering;

/// <summary>
/// Where each scenario of a document stands: the innermost section around it, which sets
/// its heading level (one below its section, so headings never skip a level), and the
/// paragraph just before it, the prose it proves, which the scenarios page links back to.
/// </summary>
public sealed class DocumentOutline
{
    private readonly Dictionary<ScenarioBlock, Section?> _sections = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ScenarioBlock, Paragraph> _prose = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Paragraph, ScenarioBlock> _provedBy = new(ReferenceEqualityComparer.Instance);

    private DocumentOutline() { }

    public static DocumentOutline Of(Document document)
    {
        var outline = new DocumentOutline();
        outline.Visit(document, null);
        return outline;
    }

    public Section? SectionOf(ScenarioBlock block) => _sections.GetValueOrDefault(block);

    /// <summary>The paragraph a scenario follows directly, or null when something else precedes it.</summary>
    public Paragraph? ProseOf(ScenarioBlock block) => _prose.GetValueOrDefault(block);

    public ScenarioBlock? ScenarioAfter(Paragraph paragraph) => _provedBy.GetValueOrDefault(paragraph);

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
                    _sections[block] = section;
                    if (previous is Paragraph p)
                    {
                        _prose[block] = p;
                        _provedBy.TryAdd(p, block);
                    }
                    break;
                case Section s:
                    Visit(s, s);
                    break;
                default:
                    Visit(child, section);
                    break;
            }
            previous = child;
        }
    }
}
