using Errata.Documents.Syntax;
using Errata.Site.Building;
using Errata.Site.Verification;

namespace Errata.Site.Rendering;

/// <summary>The scenarios page's rows: every scenario by profile, in navigation order, each pointing back at the prose it proves.</summary>
public static class ScenarioIndexBuilder
{
    public static ScenarioIndexView Build(IReadOnlyList<Page> pages, VerifiedScenarios results)
    {
        var rows = new List<ScenarioRowView>();
        foreach (var page in pages)
        {
            var outline = DocumentOutline.Of(page.Document);
            foreach (var block in page.Document.Descendants<ScenarioBlock>())
            {
                if (results.For(block) is not { } result) continue;
                var section = outline.SectionOf(block);
                var sectionTitle = section is null ? page.Title : Slug.PlainText(section.Title);
                // Back to the paragraph the scenario proves; else to its section; else to the scenario itself.
                var prose = outline.ProseOf(block) is not null ? DocumentOutline.ProseId(block) : section?.Id ?? block.Id;
                var title = result.Scenario.Syntax.Title ?? block.Name;
                foreach (var run in result.Runs)
                {
                    var holding = run.Verdicts.Count(v => v.Holds);
                    rows.Add(new ScenarioRowView(
                        block.Name,
                        title,
                        page.OutputPath + "#" + block.Id,
                        page.OutputPath + "#" + prose,
                        page.Title,
                        sectionTitle,
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
