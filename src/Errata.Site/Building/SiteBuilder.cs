using Errata.Documents;
using Errata.Documents.Diagnostics;
using Errata.Documents.Syntax;
using Errata.Machine;
using Errata.Machine.Profiles;
using Errata.Scenarios;
using Errata.Scenarios.Running;
using Errata.Site.Config;
using Errata.Site.Output;
using Errata.Site.Rendering;
using Errata.Site.Verification;

namespace Errata.Site.Building;

/// <summary>
/// The build pipeline of DESIGN.md: read every document, compile and run every scenario
/// on its profiles, judge the claims, render the pages, and swap the new site into place.
/// Bad input stops before anything is written; failed claims are rendered, and reported.
/// </summary>
public static class SiteBuilder
{
    public static BuildResult Build(BuildOptions options)
    {
        var bag = new DiagnosticBag();
        var configPath = Path.GetFullPath(options.ConfigPath);
        var root = Path.GetDirectoryName(configPath)!;
        var config = SiteConfigLoader.Load(configPath, Display(configPath), bag);
        if (bag.Items.Any(d => d.Descriptor.IsBadInput(options.Strict))) return Stop(bag);
        CheckProfiles(config, Display(configPath), bag);

        var sourceRoot = Path.GetFullPath(Path.Combine(root, config.Source));
        if (!Directory.Exists(sourceRoot))
        {
            bag.Add(ConfigErrors.MissingFolder, SpanOf(config, "source", configPath), "source", config.Source);
            return Stop(bag);
        }
        if (bag.HasErrors) return Stop(bag);
        var output = OutputOf(options, config, root, configPath);
        if (!OutputGuard.CheckPlace(output, GuardedFolder.OfSite(config, configPath), bag) || (options.WriteSite && !OutputGuard.CheckOwnership(output, bag)))
            return Stop(bag);

        var pipeline = SitePipeline.Create();
        var pages = Read(pipeline, sourceRoot, config, bag);
        CrossReferences.Resolve(pages, bag);
        var verified = Verify(pages, config, bag);
        var results = verified.Values.ToList();

        foreach (var r in results) bag.AddRange(r.FailedClaims());
        if (bag.Items.Any(d => d.Descriptor.IsBadInput(options.Strict))) return Stop(bag, pages, results);

        string? written = null;
        if (options.WriteSite)
        {
            var templatesFolder = Path.GetFullPath(Path.Combine(root, config.Templates));
            if (!Directory.Exists(templatesFolder))
            {
                bag.Add(ConfigErrors.MissingFolder, SpanOf(config, "templates", configPath), "templates", config.Templates);
                return Stop(bag, pages, results);
            }
            var templates = TemplateSet.Load(templatesFolder, Display(templatesFolder), bag, SpanOf(config, "templates", configPath));
            if (templates is null) return Stop(bag, pages, results);
            var ledger = VerificationLedger.Open(root, options.Clock);
            if (!Write(pages, verified, config, pipeline, templates, output, ledger, bag)) return Stop(bag, pages, results);
            ledger.Save();
            written = output.Folder;
        }

        var exit = results.All(r => r.AllHold) ? ExitCode.Ok : ExitCode.ClaimsFailed;
        return new BuildResult(bag.Items, pages.Select(p => p.Document).ToList(), results, exit, written);
    }

    /// <summary>
    /// Whether the output folder may be written, without building: the check `serve` makes
    /// before it starts, so a refused folder stops it (exit 2) instead of a preview that can
    /// never build. Configuration problems are left to the build, which reports them.
    /// </summary>
    public static IReadOnlyList<Diagnostic> CheckOutput(BuildOptions options)
    {
        var bag = new DiagnosticBag();
        var configPath = Path.GetFullPath(options.ConfigPath);
        var config = SiteConfigLoader.Load(configPath, Display(configPath), bag);
        if (bag.HasErrors) return [];
        var output = OutputOf(options, config, Path.GetDirectoryName(configPath)!, configPath);
        if (OutputGuard.CheckPlace(output, GuardedFolder.OfSite(config, configPath), bag)) OutputGuard.CheckOwnership(output, bag);
        return bag.Items;
    }

    private static BuildResult Stop(DiagnosticBag bag, IReadOnlyList<Page>? pages = null, IReadOnlyList<ScenarioResult>? results = null) =>
        new(bag.Items, pages?.Select(p => p.Document).ToList() ?? [], results ?? [], ExitCode.BadInput, null);

    private static void CheckProfiles(SiteConfig config, string configDisplay, DiagnosticBag bag)
    {
        var known = string.Join(", ", ProfileRegistry.All.Select(p => p.Name));
        foreach (var name in config.DefaultProfiles.Append(config.Reference))
            if (!ProfileRegistry.TryGet(name, out _))
                bag.Add(ConfigErrors.UnknownProfile, SpanOf(config, name == config.Reference ? "reference" : "defaultProfiles", configDisplay), name, known);
    }

    private static OutputTarget OutputOf(BuildOptions options, SiteConfig config, string root, string configPath)
    {
        // Without its trailing separator: `_site/` names the folder `_site`, whose staging sits beside it.
        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(root, options.Output ?? config.Output)));
        return options.Output is { } given
            ? new OutputTarget(folder, given, "--output", SourceSpan.None(Display(configPath)))
            : new OutputTarget(folder, config.Output, "output", SpanOf(config, "output", configPath));
    }

    private static SourceSpan SpanOf(SiteConfig config, string key, string configPath) =>
        config.KeySpans.TryGetValue(key, out var span) ? span : SourceSpan.None(Display(configPath));

    private static List<Page> Read(DocumentPipeline pipeline, string sourceRoot, SiteConfig config, DiagnosticBag bag)
    {
        var context = new ReadContext(sourceRoot, config.AllowRaw);
        var pages = new List<Page>();
        foreach (var file in SourceSet.Walk(sourceRoot, pipeline, bag))
        {
            var display = Display(Path.Combine(sourceRoot, file.Relative));
            var encoding = new List<Diagnostic>();
            string text;
            try
            {
                text = DocumentText.Read(file.Real, display, encoding);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                bag.Add(DocumentErrors.UnreadableFile, SourceSpan.None(display), display, e.Message);
                continue;
            }
            bag.AddRange(encoding);
            var doc = pipeline.Read(display, text, context with { DocumentFile = file.Real });
            bag.AddRange(doc.Diagnostics);
            pages.Add(new Page(doc, file.Relative));
        }
        return pages;
    }

    /// <summary>Results by block, in document order.</summary>
    private static Dictionary<ScenarioBlock, ScenarioResult> Verify(List<Page> pages, SiteConfig config, DiagnosticBag bag)
    {
        var blocks = pages.SelectMany(p => p.Document.Descendants<ScenarioBlock>()).ToList();
        var seen = new Dictionary<string, ScenarioBlock>(StringComparer.Ordinal);
        foreach (var b in blocks)
        {
            if (seen.TryGetValue(b.Name, out var first))
                bag.Add(ScenarioErrors.DuplicateScenario, b.Span, b.Name, first.Span.ToString());
            else
                seen[b.Name] = b;
        }

        var options = new ScenarioOptions(config.DefaultProfiles);
        var run = RunSettings(config);
        var compiled = new CompiledScenario?[blocks.Count];
        var bags = new DiagnosticBag[blocks.Count];
        var results = new ScenarioResult?[blocks.Count];
        // Scenarios are independent: compile and run them across cores, then report in document order.
        Parallel.For(0, blocks.Count, i =>
        {
            bags[i] = new DiagnosticBag();
            compiled[i] = ScenarioCompiler.Compile(blocks[i], options, bags[i]);
            if (compiled[i] is { } c) results[i] = ScenarioRunner.Run(c, run);
        });
        foreach (var b in bags) bag.AddRange(b.Items);
        var byBlock = new Dictionary<ScenarioBlock, ScenarioResult>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < blocks.Count; i++)
            if (results[i] is { } r) byBlock[blocks[i]] = r;
        return byBlock;
    }

    /// <summary>How every scenario of the site runs: without a trace, within the configured wall-clock limit.</summary>
    public static RunOptions RunSettings(SiteConfig config, bool trace = false) =>
        new(trace, TimeSpan.FromMilliseconds(config.RunTimeout));

    private static bool Write(List<Page> pages, Dictionary<ScenarioBlock, ScenarioResult> byBlock, SiteConfig config, DocumentPipeline pipeline, TemplateSet templates, OutputTarget output, VerificationLedger ledger, DiagnosticBag bag)
    {
        var site = new SiteView(config.Title, config.BaseUrl, X86Machine.Version, config.Reference);
        var renderer = new PageRenderer(pipeline, templates, site, byBlock, ledger);
        var ordered = SiteNavigation.Order(pages);
        using var writer = new SiteWriter(output.Folder);
        try
        {
            foreach (var page in ordered)
                writer.WriteText(page.OutputPath, renderer.Render(page, ordered));
            // A theme without a scenarios template has no scenarios page; a document of that name keeps its page.
            if (templates.Has("scenarios.html") && !ordered.Any(p => p.OutputPath == "scenarios.html"))
                writer.WriteText("scenarios.html", renderer.RenderScenarioIndex(ScenarioIndexBuilder.Build(ordered, byBlock), ordered));
            if (templates.Has("rules.html") && !ordered.Any(p => p.OutputPath == "rules.html"))
                writer.WriteText("rules.html", renderer.RenderRules(RulesPageBuilder.Build(config.Reference), ordered));
        }
        catch (PageRenderException e)
        {
            bag.Add(e.Diagnostic);
            return false;
        }
        catch (Scriban.Syntax.ScriptRuntimeException e)
        {
            bag.Add(TemplateErrors.Runtime, new SourceSpan(e.Span.FileName, e.Span.Start.Line, e.Span.Start.Column, 1), e.OriginalMessage);
            return false;
        }
        writer.WriteText("search-index.json", SearchIndexBuilder.ToJson(SearchIndexBuilder.Build(ordered, byBlock)));
        writer.CopyTree(Path.Combine(templates.Folder, "assets"), "assets");
        // Asked again at the swap: files may have appeared in the output while the site rendered.
        if (!OutputGuard.CheckOwnership(output, bag)) return false;
        writer.Commit();
        return true;
    }

    /// <summary>Paths in messages are relative to the working folder, as compilers print them.</summary>
    public static string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative).Replace('\\', '/');
    }
}
