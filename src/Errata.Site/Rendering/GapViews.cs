using Errata.Documents.Syntax;
using Errata.Machine.Profiles;
using Errata.Scenarios.Running;
using Errata.Site.Building;
using Errata.Site.Verification;

namespace Errata.Site.Rendering;

/// <summary>
/// Gap lines as pages show them, in one table shape (partials/gaps.html): a scenario's own
/// (<see cref="OfScenario"/>) and those a gaps block gathers (<see cref="OfBlock"/>); each
/// cell leads to the run that proves it.
/// </summary>
public static class GapViews
{
    public static GapTableView OfScenario(ScenarioResult result, string scenarioId)
    {
        var rows = Rows(result, "", scenarioId).ToList();
        return new GapTableView(scenarioId + "-gaps", "Gaps by profile: each claim holds on the profiles its gap line names, and on no other", false, Profiles(rows), rows);
    }

    /// <summary>
    /// The table a gaps block stands for: every gap line of the page, or of every page in
    /// <paramref name="all"/> (navigation order) when the block asks for the whole site.
    /// </summary>
    public static GapTableView OfBlock(GapTableBlock block, Page page, IReadOnlyList<Page> all, VerifiedScenarios verified, string root)
    {
        var rows = new List<GapTableRowView>();
        foreach (var p in block.WholeSite ? all : [page])
        foreach (var scenario in p.Document.Descendants<ScenarioBlock>())
            if (verified.For(scenario) is { } result)
                rows.AddRange(Rows(result, p == page ? "" : root + p.OutputPath, scenario.Id));
        var profiles = Profiles(rows);
        // Every row gets a cell for every column; a profile its scenario does not run is "not run".
        var aligned = rows.Select(r => r with
        {
            Cells = profiles.Select(n => r.Cells.FirstOrDefault(c => c.Profile == n) ?? new GapCellView(n, "not run", false, true, "", "")).ToList(),
        }).ToList();
        var caption = block.WholeSite ? "Where the profiles differ, in every scenario of the site" : "Where the profiles differ, in this page's scenarios";
        return new GapTableView("gaps-" + (block.Span.Line + 1), caption, true, profiles, aligned);
    }

    private static IEnumerable<GapTableRowView> Rows(ScenarioResult result, string pageUrl, string scenarioId) =>
        result.Gaps.Select(g => new GapTableRowView(
            g.Gap.Text,
            g.Gap.Span.Line + 1,
            StateWord(g.State),
            result.Scenario.Syntax.Name,
            result.Scenario.Syntax.Title ?? result.Scenario.Syntax.Name,
            pageUrl + "#" + scenarioId,
            g.Cells.Select(c => new GapCellView(
                c.Profile,
                c.Holds ? "holds" : "does not hold",
                c.Holds,
                c.AsStated,
                c.Judgement.Observed,
                pageUrl + "#" + ScenarioViewBuilder.TraceId(scenarioId, c.Profile))).ToList()));

    /// <summary>One column per profile any row runs, in the registry's order.</summary>
    private static List<string> Profiles(List<GapTableRowView> rows) =>
        ProfileRegistry.All.Select(p => p.Name).Where(n => rows.Exists(r => r.Cells.Any(c => c.Profile == n))).ToList();

    private static string StateWord(GapState state) => state switch
    {
        GapState.Holds => "holds",
        GapState.Closed => "closed",
        _ => "moved",
    };
}
