using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using Errata.Diagnostics;
using Errata.Site.Building;
using Errata.Site.Verification;

namespace Errata.Site.Reports;

/// <summary>
/// `errata merge-reports`: the reports of the shards of one check (`check --shard i/n`) made
/// one, as one check of the whole site would have written it: scenarios and results put
/// together in the order given, what every shard repeats (bad input, read from every
/// document by each) kept once, and the worst exit code. All reports must be of one format:
/// json, sarif or junit.
/// </summary>
public static class ReportMerge
{
    public sealed record Merged(string Text, ExitCode ExitCode);

    /// <summary>The merged report, or null after adding to the bag why a report cannot be merged.</summary>
    public static Merged? Merge(IReadOnlyList<(string Path, string Text)> reports, DiagnosticBag bag)
    {
        var formats = reports.Select(r => (r.Path, Format: FormatOf(r.Text))).ToList();
        foreach (var (path, format) in formats.Where(f => f.Format is null))
            bag.Add(SiteErrors.UnreadableReport, SourceSpan.None(path), path, "it is not a report of errata check");
        if (bag.HasErrors) return null;
        var first = formats[0].Format;
        foreach (var (path, format) in formats.Where(f => f.Format != first))
            bag.Add(SiteErrors.UnreadableReport, SourceSpan.None(path), path, $"it is {format}, and '{formats[0].Path}' is {first}");
        if (bag.HasErrors) return null;
        return first switch
        {
            "json" => MergeJson(reports.Select(r => JsonNode.Parse(r.Text)!.AsObject()).ToList()),
            "sarif" => MergeSarif(reports.Select(r => JsonNode.Parse(r.Text)!.AsObject()).ToList()),
            _ => MergeJunit(reports.Select(r => XDocument.Parse(r.Text)).ToList()),
        };
    }

    /// <summary>json, sarif or junit by what the text holds; null for anything else.</summary>
    public static string? FormatOf(string text)
    {
        if (text.TrimStart().StartsWith('<'))
        {
            try
            {
                return XDocument.Parse(text).Root?.Name == "testsuites" ? "junit" : null;
            }
            catch (XmlException)
            {
                return null;
            }
        }
        try
        {
            return JsonNode.Parse(text) is JsonObject o
                ? o["version"]?.GetValue<string>() == SarifReport.Version && o["runs"] is JsonArray ? "sarif"
                : o["exitCode"] is not null && o["scenarios"] is JsonArray && o["diagnostics"] is JsonArray ? "json"
                : null
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static Merged MergeJson(List<JsonObject> reports)
    {
        var exit = Worst(reports.Select(r => r["exitCode"]!.GetValue<int>()));
        var merged = new JsonObject
        {
            ["outcome"] = VerificationOutcome.WordOf(exit),
            ["exitCode"] = (int)exit,
            ["diagnostics"] = Distinct(reports.SelectMany(r => r["diagnostics"]!.AsArray())),
            ["scenarios"] = Distinct(reports.SelectMany(r => r["scenarios"]!.AsArray())),
        };
        return new Merged(Text(merged), exit);
    }

    private static Merged MergeSarif(List<JsonObject> reports)
    {
        var runs = reports.SelectMany(r => r["runs"]!.AsArray()).Select(r => r!.AsObject()).ToList();
        var exit = Worst(runs.Select(r => r["properties"]?["exitCode"]?.GetValue<int>() ?? 0));
        var driver = runs[0]["tool"]!["driver"]!.DeepClone().AsObject();
        driver["rules"] = new JsonArray(runs
            .SelectMany(r => r["tool"]!["driver"]!["rules"]!.AsArray())
            .DistinctBy(rule => rule!["id"]!.GetValue<string>())
            .OrderBy(rule => rule!["id"]!.GetValue<string>(), StringComparer.Ordinal)
            .Select(rule => rule!.DeepClone()).ToArray());
        var run = new JsonObject
        {
            ["tool"] = new JsonObject { ["driver"] = driver },
            ["results"] = Distinct(runs.SelectMany(r => r["results"]!.AsArray())),
            ["properties"] = new JsonObject { ["outcome"] = VerificationOutcome.WordOf(exit), ["exitCode"] = (int)exit, ["mergedReports"] = runs.Count },
        };
        var merged = new JsonObject
        {
            ["$schema"] = SarifReport.Schema,
            ["version"] = SarifReport.Version,
            ["runs"] = new JsonArray(run),
        };
        return new Merged(Text(merged), exit);
    }

    private static Merged MergeJunit(List<XDocument> reports)
    {
        var suites = reports.SelectMany(r => r.Root!.Elements("testsuite"))
            .DistinctBy(s => s.ToString(SaveOptions.DisableFormatting))
            .Select(s => new XElement(s)).ToList();
        int Sum(string attribute) => suites.Sum(s => (int?)s.Attribute(attribute) ?? 0);
        var errors = Sum("errors");
        var failures = Sum("failures");
        var root = new XElement("testsuites",
            new XAttribute("tests", Sum("tests")),
            new XAttribute("failures", failures),
            new XAttribute("errors", errors),
            suites);
        var doc = new XDocument(new XDeclaration("1.0", "utf-8", null), root);
        var exit = errors > 0 ? ExitCode.BadInput : failures > 0 ? ExitCode.ClaimsFailed : ExitCode.Ok;
        return new Merged(doc.Declaration + "\n" + doc + "\n", exit);
    }

    /// <summary>Bad input over a failed claim over success: the order of <see cref="ExitCode"/>'s values; an internal error is never a report.</summary>
    private static ExitCode Worst(IEnumerable<int> codes) => (ExitCode)codes.DefaultIfEmpty(0).Max();

    /// <summary>Each item once, in the order first seen: every shard reports the same bad input.</summary>
    private static JsonArray Distinct(IEnumerable<JsonNode?> items) =>
        new(items.DistinctBy(i => i?.ToJsonString() ?? "null").Select(i => i?.DeepClone()).ToArray());

    private static string Text(JsonObject o) =>
        o.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
}
