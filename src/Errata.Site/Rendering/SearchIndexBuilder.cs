using System.Text;
using System.Text.Json;
using Errata.Documents.Syntax;
using Errata.Scenarios.Syntax;
using Errata.Site.Building;
using Errata.Site.Verification;

namespace Errata.Site.Rendering;

/// <summary>One thing search can find: a page, a section or a scenario, with its text. Url is relative to the site's root.</summary>
public sealed record SearchEntry(string Kind, string Title, string Name, string Url, string Page, string Text);

/// <summary>
/// The full-text search index, written at build time as search-index.json and read by the
/// theme's search script, so search needs no server. Entries are in navigation order.
/// </summary>
public static class SearchIndexBuilder
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <param name="stop">Asked at each page (<see cref="OperationCanceledException"/>).</param>
    public static IReadOnlyList<SearchEntry> Build(IReadOnlyList<Page> pages, VerifiedScenarios results, CancellationToken stop = default)
    {
        var entries = new List<SearchEntry>();
        foreach (var page in pages)
        {
            stop.ThrowIfCancellationRequested();
            var text = new StringBuilder();
            var inside = new List<SearchEntry>();
            Collect(page, page.Document.Children, text, inside, results, topLevel: true);
            entries.Add(new SearchEntry("page", page.Title, "", page.OutputPath, page.Title, Squeeze(text)));
            entries.AddRange(inside);
        }
        return entries;
    }

    public static string ToJson(IReadOnlyList<SearchEntry> entries) => JsonSerializer.Serialize(new { entries }, Json) + "\n";

    /// <summary>Adds the text of <paramref name="blocks"/> to <paramref name="text"/>, and an entry per section and scenario among them.</summary>
    private static void Collect(Page page, IEnumerable<Block> blocks, StringBuilder text, List<SearchEntry> entries, VerifiedScenarios results, bool topLevel)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                // A document's top section is the page itself.
                case Section s when topLevel && DocumentOutline.HeadingLevel(s) == 1:
                    Collect(page, s.Children, text, entries, results, topLevel: false);
                    break;
                case Section s:
                    var own = new StringBuilder();
                    var inside = new List<SearchEntry>();
                    Collect(page, s.Children, own, inside, results, topLevel: false);
                    entries.Add(new SearchEntry("section", Slug.PlainText(s.Title), "", page.OutputPath + "#" + s.Id, page.Title, Squeeze(own)));
                    entries.AddRange(inside);
                    break;
                case ScenarioBlock b when results.For(b) is { } result:
                    entries.Add(new SearchEntry("scenario", result.Scenario.Syntax.Title ?? b.Name, b.Name, page.OutputPath + "#" + b.Id, page.Title, Claims(result.Scenario.Syntax)));
                    break;
                default:
                    AppendText(block, text);
                    break;
            }
        }
    }

    /// <summary>
    /// A scenario's text: its expect lines' claims, then its gap lines as written after
    /// <c>gap</c> (profiles and claim), so a search for a gap's profiles or claim finds it.
    /// </summary>
    private static string Claims(Scenario syntax) =>
        string.Join("; ", syntax.Expects.Select(e => e.Text)
            .Concat(syntax.Gaps.Select(g => $"gap {string.Join(' ', g.Profiles.Select(p => p.Value))}: {g.Text}")));

    private static void AppendText(Node node, StringBuilder text)
    {
        switch (node)
        {
            case Text t: text.Append(t.Value); return;
            case Code c: text.Append(c.Value); return;
            case LiteralBlock l: text.Append(l.Text).Append(' '); return;
            case LineBreak or ScenarioBlock: text.Append(' '); return;
        }
        foreach (var child in NodeWalker.Children(node)) AppendText(child, text);
        if (node is Block) text.Append(' ');
    }

    /// <summary>Runs of white space as one space: the index is for matching, not layout.</summary>
    private static string Squeeze(StringBuilder text) =>
        string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
