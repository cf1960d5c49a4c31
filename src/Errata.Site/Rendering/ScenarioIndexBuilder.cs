using Errata.Documents.Syntax;
using Errata.Scenarios.Running;
using Errata.Site.Building;
using Errata.Site.Verification;

namespace Errata.Site.Rendering;

/// <summary>The scenarios page's rows: every scenario in navigation order with a verdict per profile, each pointing back at the prose it proves.</summary>
public static class ScenarioIndexBuilder
{
    /// <param name="stop">Asked at each page (<see cref="OperationCanceledException"/>).</param>
    public static ScenarioIndexView Build(IReadOnlyList<Page> pages, VerifiedScenarios results, CancellationToken stop = default)
    {
        var found = new List<(ScenarioBlock Block, Page Page, ScenarioResult Result, string ProseUrl, string Section)>();
        foreach (var page in pages)
        {
            stop.ThrowIfCancellationRequested();
            var outline = DocumentOutline.Of(page.Document);
            foreach (var block in page.Document.Descendants<ScenarioBlock>())
            {
                if (results.For(block) is not { } result) continue;
                var section = outline.SectionOf(block);
                // Back to the paragraph the scenario proves; else to its section; else to the scenario itself.
                var prose = outline.ProseOf(block) is not null ? DocumentOutline.ProseId(block) : section?.Id ?? block.Id;
                found.Add((block, page, result, page.OutputPath + "#" + prose, section is null ? page.Title : Slug.PlainText(section.Title)));
            }
        }
        var profiles = found.SelectMany(f => f.Result.Runs.Select(r => r.Profile.Name)).Distinct().ToList();
        var rows = found.Select(f => new ScenarioRowView(
            f.Block.Name,
            f.Result.Scenario.Syntax.Title ?? f.Block.Name,
            f.Page.OutputPath + "#" + f.Block.Id,
            f.ProseUrl,
            f.Page.Title,
            f.Section,
            profiles.Select(name => Cell(name, f.Result.Runs.FirstOrDefault(r => r.Profile.Name == name))).ToList())).ToList();
        return new ScenarioIndexView(profiles, rows);
    }

    private static ScenarioCellView Cell(string profile, ProfileRun? run)
    {
        if (run is null) return new ScenarioCellView(profile, "", 0, 0);
        var holding = run.Verdicts.Count(v => v.Holds);
        return new ScenarioCellView(profile, holding == run.Verdicts.Count ? "holds" : "fails", holding, run.Verdicts.Count);
    }
}
