using Errata.Documents.Syntax;
using Errata.Scenarios.Running;
using Errata.Site.Building;

namespace Errata.Site.Rendering;

/// <summary>The scenarios page's rows: every scenario by profile, in navigation order, each pointing back at its place in the prose.</summary>
public static class ScenarioIndexBuilder
{
    public static ScenarioIndexView Build(IReadOnlyList<Page> pages, IReadOnlyDictionary<ScenarioBlock, ScenarioResult> results)
    {
        var rows = new List<ScenarioRowView>();
        foreach (var page in pages)
        {
            var sections = DocumentOutline.SectionsOf(page.Document);
            foreach (var block in page.Document.Descendants<ScenarioBlock>())
            {
                if (!results.TryGetValue(block, out var result)) continue;
                var section = sections[block] is { } s ? Slug.PlainText(s.Title) : page.Title;
                var title = result.Scenario.Syntax.Title ?? block.Name;
                foreach (var run in result.Runs)
                {
                    var holding = run.Verdicts.Count(v => v.Holds);
                    rows.Add(new ScenarioRowView(
                        block.Name,
                        title,
                        page.OutputPath + "#" + block.Id,
                        page.Title,
                        section,
                        run.Profile.Name,
                        holding == run.Verdicts.Count ? "holds" : "fails",
                        holding,
                        run.Verdicts.Count));
                }
            }
        }
        var profiles = rows.Select(r => r.Profile).Distinct().ToList();
        return new ScenarioIndexView(profiles, rows);
    }
}
