using Errata.Documents.Syntax;

namespace Errata.Site.Rendering;

/// <summary>
/// The innermost section around each scenario of a document: it sets the scenario's heading
/// level (one below its section, so headings never skip a level) and names the prose the
/// scenario proves on the scenarios page.
/// </summary>
public static class DocumentOutline
{
    public static IReadOnlyDictionary<ScenarioBlock, Section?> SectionsOf(Document document)
    {
        var map = new Dictionary<ScenarioBlock, Section?>(ReferenceEqualityComparer.Instance);
        Visit(document, null, map);
        return map;
    }

    /// <summary>A section's heading level on a page: the document's top sections are the page's h1.</summary>
    public static int HeadingLevel(Section section) => Math.Clamp(section.Level, 1, 6);

    public static int ScenarioHeadingLevel(Section? section) => section is null ? 2 : Math.Min(HeadingLevel(section) + 1, 6);

    private static void Visit(Node node, Section? section, Dictionary<ScenarioBlock, Section?> map)
    {
        foreach (var child in NodeWalker.Children(node))
        {
            switch (child)
            {
                case ScenarioBlock block:
                    map[block] = section;
                    break;
                case Section s:
                    Visit(s, s, map);
                    break;
                default:
                    Visit(child, section, map);
                    break;
            }
        }
    }
}
