using System.Text.Encodings.Web;
using System.Text.Json;
using Errata.Documents.Syntax;
using Errata.Machine;
using Errata.Scenarios.Claims;
using Errata.Scenarios.Running;
using Errata.Site.Building;
using Errata.Site.Rendering;
using Errata.Site.Verification;

namespace Errata.Site.Reports;

/// <summary>
/// verdicts.json, the site's verdicts as data for other tools (docs/guide/site.md, "Verdict
/// data"): the generator and machine once, then every scenario with, by profile, who ran it,
/// since when it is verified, and its expect and gap lines' verdicts. Compact, as the
/// compatibility tables it feeds are: what a holding line observed is what it claims, so
/// <c>expected</c> and <c>observed</c> are written where a line fails and on every gap line.
/// Field names are fixed; more may be added, and <see cref="Schema"/> grows when one changes.
/// </summary>
public static class VerdictData
{
    public const string FileName = "verdicts.json";
    public const int Schema = 2;

    /// <summary>Who ran a scenario when its outcome carries no provenance: the built-in machine (another backend names itself).</summary>
    public const string Backend = "built-in";

    /// <param name="verifiedSince">The ledger's date for a run whose claims all hold (<see cref="ScenarioViewBuilder.Holds"/>).</param>
    /// <param name="stop">Asked at each page (<see cref="OperationCanceledException"/>).</param>
    public static string Write(IReadOnlyList<Page> pages, VerifiedScenarios verified, Func<ScenarioResult, string, string> verifiedSince, CancellationToken stop = default)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("schema", Schema);
            w.WriteString("generator", ToolVersion.Full);
            w.WriteString("machine", X86Machine.Version);
            w.WriteStartArray("scenarios");
            foreach (var page in pages)
            {
                stop.ThrowIfCancellationRequested();
                foreach (var block in page.Document.Descendants<ScenarioBlock>())
                    if (verified.For(block) is { } result)
                        Scenario(w, page, block, result, verifiedSince);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Scenario(Utf8JsonWriter w, Page page, ScenarioBlock block, ScenarioResult result, Func<ScenarioResult, string, string> verifiedSince)
    {
        w.WriteStartObject();
        w.WriteString("document", page.RelativePath.Replace('\\', '/'));
        w.WriteNumber("line", block.Span.Line + 1);
        w.WriteString("url", page.OutputPath.Replace('\\', '/') + "#" + block.Id);
        w.WriteString("scenario", block.Name);
        w.WriteString("title", result.Scenario.Syntax.Title ?? block.Name);
        w.WriteStartObject("profiles");
        foreach (var run in result.Runs)
        {
            var holds = ScenarioViewBuilder.Holds(result, run);
            w.WriteStartObject(run.Profile.Name);
            w.WriteString("backend", run.Outcome.Provenance?.ToString() ?? Backend);
            w.WriteBoolean("holds", holds);
            if (holds) w.WriteString("verifiedSince", verifiedSince(result, run.Profile.Name));
            else w.WriteNull("verifiedSince");
            w.WriteStartArray("expect");
            foreach (var v in run.Verdicts)
                Line(w, v.Expect.Span.Line, v.Expect.Text, v.Expect.Claim, v.Holds, v.Judgement, gap: null);
            w.WriteEndArray();
            w.WriteStartArray("gaps");
            foreach (var gap in result.Gaps)
            foreach (var cell in gap.Cells.Where(c => c.Profile == run.Profile.Name))
                Line(w, gap.Gap.Span.Line, gap.Gap.Text, gap.Gap.Claim, cell.AsStated, cell.Judgement, cell);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>
    /// One expect or gap line on one profile. For a gap line, <c>holds</c> says whether the
    /// profile is on the side the line states; <c>claimHolds</c> whether the claim itself holds
    /// there and <c>stated</c> whether the line names the profile.
    /// </summary>
    private static void Line(Utf8JsonWriter w, int line, string text, string canonical, bool holds, Judgement judgement, GapCell? gap)
    {
        w.WriteStartObject();
        w.WriteNumber("line", line + 1);
        w.WriteString("claim", text);
        if (canonical != text) w.WriteString("canonical", canonical);
        w.WriteBoolean("holds", holds);
        if (gap is not null)
        {
            w.WriteBoolean("claimHolds", gap.Holds);
            w.WriteBoolean("stated", gap.Stated);
        }
        if (!holds || gap is not null)
        {
            w.WriteString("expected", judgement.Expected);
            w.WriteString("observed", judgement.Observed);
        }
        w.WriteEndObject();
    }
}
