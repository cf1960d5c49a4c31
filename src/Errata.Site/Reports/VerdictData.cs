using System.Text.Encodings.Web;
using System.Text.Json;
using Errata.Documents.Syntax;
using Errata.Machine;
using Errata.Scenarios.Running;
using Errata.Site.Building;
using Errata.Site.Rendering;
using Errata.Site.Verification;

namespace Errata.Site.Reports;

/// <summary>
/// verdicts.json, the site's verdicts as data for other tools (docs/guide/site.md, "Verdict
/// data"): one entry per claim (expect or gap line) and profile, each with its provenance.
/// Field names are fixed; more may be added, and <see cref="Schema"/> grows when one changes.
/// </summary>
public static class VerdictData
{
    public const string FileName = "verdicts.json";
    public const int Schema = 1;

    /// <summary>Who ran a scenario when its outcome carries no provenance: the built-in machine (another backend names itself).</summary>
    public const string Backend = "built-in";

    /// <param name="verifiedSince">The ledger's date for a run whose claims all hold (<see cref="ScenarioViewBuilder.Holds"/>).</param>
    public static string Write(IReadOnlyList<Page> pages, VerifiedScenarios verified, Func<ScenarioResult, string, string> verifiedSince)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("schema", Schema);
            w.WriteStartArray("verdicts");
            foreach (var page in pages)
            foreach (var block in page.Document.Descendants<ScenarioBlock>())
                if (verified.For(block) is { } result)
                    Scenario(w, page, block, result, verifiedSince);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Scenario(Utf8JsonWriter w, Page page, ScenarioBlock block, ScenarioResult result, Func<ScenarioResult, string, string> verifiedSince)
    {
        foreach (var run in result.Runs)
        {
            var since = ScenarioViewBuilder.Holds(result, run) ? verifiedSince(result, run.Profile.Name) : null;
            var common = new Common(page, block, result.Scenario.Syntax.Title ?? block.Name, run.Profile.Name, since, run.Outcome.Provenance?.ToString() ?? Backend);
            foreach (var v in run.Verdicts)
                Entry(w, common, "expect", v.Expect.Span.Line, v.Expect.Text, v.Expect.Claim, v.Holds, v.Judgement.Expected, v.Judgement.Observed, null);
            foreach (var gap in result.Gaps)
            foreach (var cell in gap.Cells.Where(c => c.Profile == run.Profile.Name))
                Entry(w, common, "gap", gap.Gap.Span.Line, gap.Gap.Text, gap.Gap.Claim, cell.AsStated, cell.Judgement.Expected, cell.Judgement.Observed, cell);
        }
    }

    private sealed record Common(Page Page, ScenarioBlock Block, string Title, string Profile, string? VerifiedSince, string RunBy);

    /// <summary>
    /// One entry. For a gap line, <c>holds</c> says whether the profile is on the side the line
    /// states; <c>claimHolds</c> whether the claim itself holds there and <c>stated</c> whether the line names the profile.
    /// </summary>
    private static void Entry(Utf8JsonWriter w, Common c, string kind, int line, string text, string canonical, bool holds, string expected, string observed, GapCell? gap)
    {
        w.WriteStartObject();
        w.WriteString("document", c.Page.RelativePath.Replace('\\', '/'));
        w.WriteString("url", c.Page.OutputPath.Replace('\\', '/') + "#" + c.Block.Id);
        w.WriteString("scenario", c.Block.Name);
        w.WriteString("title", c.Title);
        w.WriteString("kind", kind);
        w.WriteNumber("line", line + 1);
        w.WriteString("claim", text);
        w.WriteString("canonical", canonical);
        w.WriteString("profile", c.Profile);
        w.WriteBoolean("holds", holds);
        if (gap is not null)
        {
            w.WriteBoolean("claimHolds", gap.Holds);
            w.WriteBoolean("stated", gap.Stated);
        }
        w.WriteString("expected", expected);
        w.WriteString("observed", observed);
        w.WriteString("machine", X86Machine.Version);
        w.WriteString("generator", ToolVersion.Full);
        w.WriteString("backend", c.RunBy);
        if (c.VerifiedSince is { } since) w.WriteString("verifiedSince", since);
        else w.WriteNull("verifiedSince");
        w.WriteEndObject();
    }
}
