using Errata.Documents;
using Errata.Diagnostics;
using Errata.Documents.Diagnostics;
using Errata.Documents.Syntax;
using Errata.Machine;
using Errata.Scenarios;
using Errata.Scenarios.Running;
using Errata.Site.Config;

namespace Errata.Site.Building;

/// <summary>The result of running one document's scenarios (`errata run`).</summary>
public sealed record DocumentRunResult(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<ScenarioResult> Scenarios, ExitCode ExitCode);

/// <summary>Runs the scenarios of one document, optionally one scenario and one profile, with or without a trace.</summary>
public static class DocumentRun
{
    public static DocumentRunResult Run(string file, SiteConfig config, string? scenario, string? profile, bool trace)
    {
        var bag = new DiagnosticBag();
        var full = Path.GetFullPath(file);
        var display = SiteBuilder.Display(full);
        if (!File.Exists(full))
        {
            bag.Add(DocumentErrors.UnreadableFile, SourceSpan.None(display), display, "no such file");
            return new(bag.Items, [], ExitCode.BadInput);
        }
        var pipeline = SitePipeline.Create();
        if (!pipeline.CanRead(full))
        {
            bag.Add(DocumentErrors.UnreadableFile, SourceSpan.None(display), display, "expected a file ending in " + string.Join(" or ", pipeline.Extensions));
            return new(bag.Items, [], ExitCode.BadInput);
        }
        var real = RealPath.Resolve(full) ?? full;
        var encoding = new List<Diagnostic>();
        var text = DocumentText.Read(real, display, encoding);
        bag.AddRange(encoding);
        var doc = pipeline.Read(display, text, new ReadContext(Path.GetDirectoryName(real)!, config.AllowRaw) { DocumentFile = real });
        bag.AddRange(doc.Diagnostics);
        var blocks = doc.Descendants<ScenarioBlock>().Where(b => scenario is null || b.Name == scenario).ToList();
        if (scenario is not null && blocks.Count == 0)
            bag.Add(RunErrors.NoSuchScenario, SourceSpan.None(display), scenario, display);

        var options = new ScenarioOptions(config.DefaultProfiles);
        var results = new List<ScenarioResult>();
        foreach (var block in blocks)
        {
            var compiled = ScenarioCompiler.Compile(block, options, bag);
            if (compiled is null) continue;
            if (profile is not null && !compiled.Profiles.Any(p => p.Name == profile))
            {
                bag.Add(RunErrors.ProfileNotRun, block.Span, block.Name, profile, string.Join(", ", compiled.Profiles.Select(p => p.Name)));
                continue;
            }
            results.Add(ScenarioRunner.Run(compiled, SiteBuilder.RunSettings(config, trace), profile));
        }
        foreach (var r in results) bag.AddRange(r.FailedClaims());

        var exit = bag.Items.Any(d => d.Descriptor.IsBadInput(strict: false)) ? ExitCode.BadInput
            : results.All(r => r.AllHold) ? ExitCode.Ok : ExitCode.ClaimsFailed;
        return new(bag.Items, results, exit);
    }
}

public static class RunErrors
{
    public static readonly DiagnosticDescriptor NoSuchScenario =
        new("ERR0901", DiagnosticCategory.Command, Severity.Error, "no scenario named '{0}' in {1}");
    public static readonly DiagnosticDescriptor ProfileNotRun =
        new("ERR0902", DiagnosticCategory.Command, Severity.Error, "scenario '{0}' does not run on profile '{1}' (it runs on: {2})");
}
