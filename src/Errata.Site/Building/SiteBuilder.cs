using Errata.Documents;
using Errata.Diagnostics;
using Errata.Documents.Syntax;
using Errata.Machine;
using Errata.Machine.Profiles;
using Errata.Site.Config;
using Errata.Site.Output;
using Errata.Site.Rendering;
using Errata.Site.Reports;
using Errata.Site.Verification;
using Errata.Site.Verification.Cache;

namespace Errata.Site.Building;

/// <summary>
/// The build: read every document, verify every scenario (<see cref="ScenarioVerifier"/>,
/// the steps every command shares), render the pages, and swap the new site into place.
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
        if (bag.Items.Any(d => d.Descriptor.IsBadInput(options.Strict))) return Stop(bag, options);
        CheckProfiles(config, Display(configPath), bag);

        var sourceRoot = SourceRootOf(configPath, config);
        if (!Directory.Exists(sourceRoot))
        {
            bag.Add(SiteErrors.MissingFolder, SpanOf(config, "source", configPath), "source", config.Source);
            return Stop(bag, options);
        }
        if (bag.HasErrors) return Stop(bag, options);
        var output = OutputOf(options, config, root, configPath);
        if (!OutputGuard.CheckPlace(output, GuardedFolder.OfSite(config, configPath), bag) || (options.WriteSite && !OutputGuard.CheckOwnership(output, bag)))
            return Stop(bag, options);

        var reading = new PhaseProgress(options.Progress, BuildPhase.Read);
        var pipeline = SitePipeline.Create();
        var pages = Read(pipeline, sourceRoot, config, bag, reading, out var files);
        CrossReferences.Resolve(pages, bag);
        var read = reading.Finish();
        var verifying = new PhaseProgress(options.Progress, BuildPhase.Verify);
        var cache = options.UseCache ? VerdictCache.Open(root) : VerdictCache.Off();
        var blocks = Select(pages, sourceRoot, options, SourceSpan.None(Display(configPath)), bag);
        var selection = (options.WriteSite ? RunSelection.All : options.Selection) with { Backend = options.Backend };
        var verified = ScenarioVerifier.Verify(blocks, config, selection, bag, verifying, cache, sourceRoot);
        if (options.Mutate && !bag.Items.Any(d => d.Descriptor.IsBadInput(options.Strict))) MutationCheck.Run(verified, config, bag, cache);
        var verify = verifying.Finish();
        if (bag.Items.Any(d => d.Descriptor.IsBadInput(options.Strict))) return Stop(bag, options, pages, verified);

        var render = TimeSpan.Zero;
        string? written = null;
        SiteSnapshot? snapshot = null;
        VerificationLedger? ledger = null;
        if (options.WriteSite)
        {
            var rendering = new PhaseProgress(options.Progress, BuildPhase.Render);
            var templatesFolder = Path.GetFullPath(Path.Combine(root, config.Templates));
            var theme = ThemeFiles.Default();
            if (Directory.Exists(templatesFolder)) theme = theme.Overlay(templatesFolder, Display(templatesFolder));
            else if (config.Templates != SiteConfig.DefaultTemplates)
            {
                // A folder the config names must exist; only the default name may be absent.
                bag.Add(SiteErrors.MissingFolder, SpanOf(config, "templates", configPath), "templates", config.Templates);
                return Stop(bag, options, pages, verified);
            }
            var templates = TemplateSet.Load(theme, Display(templatesFolder), bag, SpanOf(config, "templates", configPath));
            if (templates is null) return Stop(bag, options, pages, verified);
            snapshot = new SiteSnapshot(options, config, configPath, sourceRoot, templatesFolder, pipeline, templates, output, files, pages, verified);
            ledger = VerificationLedger.Open(root, options.Clock);
            if (!Write(snapshot, ledger, bag, rendering)) return Stop(bag, options, pages, verified);
            ledger.Save();
            written = output.Folder;
            render = rendering.Finish();
        }
        return new BuildResult(Outcome(bag, options, pages, verified), pages.Select(p => p.Document).ToList(), written)
        {
            Timings = new BuildTimings(read, verify, render),
            Runs = cache.Log,
            Snapshot = snapshot is null ? null : snapshot with { Diagnostics = [.. bag.Items], Ledger = ledger, Cache = cache },
        };
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

    internal static VerificationOutcome Outcome(DiagnosticBag bag, BuildOptions options, List<Page> pages, VerifiedScenarios verified) =>
        new(bag.Items, pages.Count, verified.InOrder, options.Strict);

    /// <summary>A build that wrote nothing: the diagnostics must say why, as bad input.</summary>
    internal static BuildResult Stop(DiagnosticBag bag, BuildOptions options, List<Page>? pages = null, VerifiedScenarios? verified = null)
    {
        var outcome = Outcome(bag, options, pages ?? [], verified ?? VerifiedScenarios.None);
        if (outcome.ExitCode != ExitCode.BadInput)
            throw new InvalidOperationException("the build stopped without an error saying why");
        return new BuildResult(outcome, pages?.Select(p => p.Document).ToList() ?? [], null);
    }

    /// <summary>
    /// The scenario blocks to verify: every one for a build, which renders them all; for check,
    /// those the filter selects. The duplicate-name check still sees every block, so that
    /// every shard of a site reports the same bad input.
    /// </summary>
    private static List<ScenarioBlock> Select(List<Page> pages, string sourceRoot, BuildOptions options, SourceSpan command, DiagnosticBag bag)
    {
        var all = pages.SelectMany(p => p.Document.Descendants<ScenarioBlock>().Select(b => (Page: p, Block: b))).ToList();
        ScenarioVerifier.ReportDuplicates(all.Select(x => x.Block).ToList(), bag);
        if (options.WriteSite) return all.Select(x => x.Block).ToList();
        var filter = options.Filter;
        var matching = all.Where(x => filter.Matches(x.Page.RelativePath, Display(Path.Combine(sourceRoot, x.Page.RelativePath)), x.Block.Name)).ToList();
        if (filter.Narrows && matching.Count == 0)
            bag.Add(SiteErrors.NothingSelected, command, Describe(filter));
        return matching.Where(x => filter.InShard(x.Page.RelativePath, x.Block.Name)).Select(x => x.Block).ToList();
    }

    private static string Describe(ScenarioFilter filter) =>
        string.Join(" and ", filter.Paths.Select(p => $"--path '{p}'").Concat(filter.Names.Select(n => $"--scenario '{n}'")));

    private static void CheckProfiles(SiteConfig config, string configDisplay, DiagnosticBag bag)
    {
        var known = string.Join(", ", ProfileRegistry.All.Select(p => p.Name));
        foreach (var name in config.DefaultProfiles.Append(config.Reference))
            if (!ProfileRegistry.TryGet(name, out _))
                bag.Add(SiteErrors.UnknownProfile, SpanOf(config, name == config.Reference ? "reference" : "defaultProfiles", configDisplay), name, known);
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

    private static List<Page> Read(DocumentPipeline pipeline, string sourceRoot, SiteConfig config, DiagnosticBag bag, PhaseProgress progress, out IReadOnlyList<SourceFile> files)
    {
        var pages = new List<Page>();
        files = SourceSet.Walk(sourceRoot, pipeline, bag);
        progress.Start(files.Count);
        foreach (var file in files)
        {
            if (ReadPage(pipeline, sourceRoot, config, file, bag) is { } page)
                pages.Add(page);
            progress.Advance();
        }
        return pages;
    }

    /// <summary>One source file read into its page; null when it cannot be read (reported).</summary>
    internal static Page? ReadPage(DocumentPipeline pipeline, string sourceRoot, SiteConfig config, SourceFile file, DiagnosticBag bag) =>
        DocumentSource.Read(pipeline, file.Real, Display(Path.Combine(sourceRoot, file.Relative)), new ReadContext(sourceRoot, config.AllowRaw), bag) is { } doc
            ? new Page(doc, file.Relative)
            : null;

    private static bool Write(SiteSnapshot site, VerificationLedger ledger, DiagnosticBag bag, PhaseProgress progress)
    {
        using var writer = new SiteWriter(site.Output.Folder);
        if (!Render(site, ledger, writer.WriteText, bag, progress)) return false;
        foreach (var asset in site.Templates.Assets) writer.WriteBytes(Path.Combine("assets", asset.Name), asset.Read());
        // Asked again at the swap: files may have appeared in the output while the site rendered.
        if (!OutputGuard.CheckOwnership(site.Output, bag)) return false;
        writer.Commit();
        return true;
    }

    /// <summary>Renders every page across cores, then the site-wide files, which depend on every page.</summary>
    private static bool Render(SiteSnapshot site, VerificationLedger ledger, Action<string, string> writeText, DiagnosticBag bag, PhaseProgress progress)
    {
        var rendering = new SiteRendering(site, ledger);
        return rendering.Pages(site.Pages, writeText, bag, progress) && rendering.SiteWide(writeText, bag);
    }

    /// <summary>The site's source folder: the config's <c>source</c>, from the config's folder.</summary>
    public static string SourceRootOf(string configPath, SiteConfig config) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configPath))!, config.Source));

    /// <summary>Paths in messages are relative to the working folder, as compilers print them.</summary>
    public static string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative).Replace('\\', '/');
    }
}
