using System.Collections.Concurrent;
using Errata.Diagnostics;
using Errata.Documents.Syntax;
using Errata.Site.Output;
using Errata.Site.Verification;
using Errata.Site.Verification.Cache;

namespace Errata.Site.Building;

/// <summary>
/// A rebuild after some source documents changed, for `serve`. Only those documents are read
/// and verified again, and their pages are written first and published, so the author sees
/// the edit at once; the rest follows: the scenarios page, the search index and the verdict
/// data, and, when what other pages show of a changed one moved (title, sections, targets,
/// toctree, or whether one of its scenarios fails: the sidebar, the cross-references and the
/// contents page show these), every other page and the contents page, with the pages whose
/// cross-references point at it read again. Pages holding a gap table of the whole site are
/// rendered again with every rebuild. Any other change (the configuration, the theme, a
/// document added, removed or renamed, or its scenario names) is a full build. A later save
/// supersedes the rest: what is left is owed (<see cref="SiteSnapshot.Owed"/>) to the next
/// rebuild, or <see cref="Settle"/>d when that one fails. When the rebuilds settle, every file
/// equals what a full build would write; a rebuild that fails leaves the previous site,
/// putting back the pages it had already published.
/// </summary>
public static class SiteUpdate
{
    /// <param name="changed">Full paths of the files that changed since <paramref name="previous"/> was built.</param>
    /// <param name="published">Called, with their output paths, as files are in place: the changed pages first, then the rest.</param>
    /// <param name="superseded">Set when a later save arrives: the pages already published stay, the rest is owed to the next rebuild.</param>
    public static BuildResult Rebuild(SiteSnapshot previous, IReadOnlyCollection<string> changed, Action<IReadOnlyCollection<string>>? published = null, CancellationToken superseded = default)
    {
        var byReal = previous.Files.ToDictionary(f => Path.GetFullPath(f.Real), StringComparer.Ordinal);
        var files = changed.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();
        if (files.Count == 0 || files.Any(f => !byReal.ContainsKey(f) || !File.Exists(f)))
            return SiteBuilder.Build(previous.Options);

        var options = previous.Options;
        var reading = new PhaseProgress(options.Progress, BuildPhase.Read);
        var bag = new DiagnosticBag();
        var pages = previous.Pages.ToList();
        var edited = files.Select(f => byReal[f].Relative).ToHashSet(StringComparer.Ordinal);
        var oldPages = previous.Pages.Where(p => edited.Contains(p.RelativePath)).ToList();
        if (ReadAgain(previous, pages, oldPages, bag) is not { } replaced) return SiteBuilder.Build(options);
        // Names must stay unique across the site: a changed set of names is checked by a full build.
        if (!ScenarioNames(oldPages).SequenceEqual(ScenarioNames(replaced))) return SiteBuilder.Build(options);
        var moved = oldPages.Zip(replaced).Where(p => Shown(p.First) != Shown(p.Second)).Select(p => p.First).ToList();
        var reread = replaced;
        if (moved.Count > 0)
        {
            var dependents = SiteUpdateDependents.Referencing(previous.Pages.Where(p => !edited.Contains(p.RelativePath)), moved).ToList();
            if (ReadAgain(previous, pages, dependents, bag) is not { } again) return SiteBuilder.Build(options);
            reread = [.. replaced, .. again];
        }
        // What the build reported of the documents not read again still holds.
        var readNow = reread.Select(p => p.Document.Path).ToHashSet(StringComparer.Ordinal);
        bag.AddRange(previous.Diagnostics.Where(d => !readNow.Contains(d.Span.Path)));
        CrossReferences.Resolve(pages, bag, only: reread);
        var read = reading.Finish();

        var verifying = new PhaseProgress(options.Progress, BuildPhase.Verify);
        var cache = options.UseCache ? VerdictCache.Open(Path.GetDirectoryName(previous.ConfigPath)!, previous: previous.Cache) : VerdictCache.Off();
        var fresh = ScenarioVerifier.Verify(replaced.SelectMany(p => p.Document.Descendants<ScenarioBlock>()).ToList(), previous.Config, RunSelection.All, bag, verifying, cache, previous.SourceRoot);
        var verified = Merge(pages, previous.Verified, fresh);
        var verify = verifying.Finish();
        if (bag.Items.Any(d => d.Descriptor.IsBadInput(options.Strict))) return SiteBuilder.Stop(bag, options, pages, verified);

        var seenElsewhere = moved.Count > 0 || oldPages.Zip(replaced).Any(p => Fails(p.First, previous.Verified) != Fails(p.Second, verified));
        var render = BuildTimings.Now();
        var ledger = VerificationLedger.Open(Path.GetDirectoryName(previous.ConfigPath)!, options.Clock, previous.Ledger);
        var site = previous with { Pages = pages, Verified = verified, Owed = null, Ledger = ledger, Cache = cache };
        if (!OutputGuard.CheckOwnership(previous.Output, bag)) return SiteBuilder.Stop(bag, options, pages, verified);
        var rendering = new SiteRendering(site, ledger);
        var writer = new SiteUpdateWriter(previous.Output.Folder);
        // What other pages show moved: all of them; otherwise those showing every scenario, and what an earlier rebuild left owed.
        var others = (seenElsewhere ? pages : SiteUpdateDependents.ShowingEveryScenario(pages).Concat(previous.Owed is { } owed ? pages.Where(p => owed.Pages.Contains(p.RelativePath)) : []))
            .Where(p => !edited.Contains(p.RelativePath)).Distinct().ToList();
        var rest = new SiteUpdateOwed(others.Select(p => p.RelativePath).ToHashSet(StringComparer.Ordinal), seenElsewhere || previous.Owed?.EveryGenerated == true);
        Finish finish;
        try
        {
            if (!rendering.Pages(replaced, writer.Write, bag, new PhaseProgress(options.Progress, BuildPhase.Render)))
                return Failed(writer, bag, options, pages, verified);
            published?.Invoke(writer.Written.ToList());
            finish = WriteRest(rendering, writer, others, rest, bag, published, superseded);
            if (finish == Finish.Failed) return Failed(writer, bag, options, pages, verified);
            // The ledger keeps the entries the site showed: only the verdict data shows them all.
            if (finish == Finish.Written) ledger.Save();
        }
        catch
        {
            writer.Restore();
            throw;
        }
        return new BuildResult(SiteBuilder.Outcome(bag, options, pages, verified), pages.Select(p => p.Document).ToList(), previous.Output.Folder)
        {
            Timings = new BuildTimings(read, verify, BuildTimings.Since(render)),
            Snapshot = site with { Diagnostics = [.. bag.Items], Owed = finish == Finish.Superseded ? rest : null },
            Rendered = replaced.Count + (finish == Finish.Written ? others.Count : 0),
        };
    }

    /// <summary>
    /// Writes what a rebuild superseded by a later save left owed (<see cref="SiteSnapshot.Owed"/>),
    /// when that save could not be rebuilt: the site it leaves is then whole. Null when nothing is owed.
    /// </summary>
    public static BuildResult? Settle(SiteSnapshot site, Action<IReadOnlyCollection<string>>? published = null, CancellationToken superseded = default)
    {
        if (site.Owed is not { } owed) return null;
        var render = BuildTimings.Now();
        var bag = new DiagnosticBag();
        bag.AddRange(site.Diagnostics);
        var ledger = VerificationLedger.Open(Path.GetDirectoryName(site.ConfigPath)!, site.Options.Clock, site.Ledger);
        var pages = site.Pages.ToList();
        if (!OutputGuard.CheckOwnership(site.Output, bag)) return SiteBuilder.Stop(bag, site.Options, pages, site.Verified);
        var writer = new SiteUpdateWriter(site.Output.Folder);
        var others = pages.Where(p => owed.Pages.Contains(p.RelativePath)).ToList();
        var finish = WriteRest(new SiteRendering(site, ledger), writer, others, owed, bag, published, superseded);
        if (finish == Finish.Failed) return Failed(writer, bag, site.Options, pages, site.Verified);
        if (finish == Finish.Written) ledger.Save();
        return new BuildResult(SiteBuilder.Outcome(bag, site.Options, pages, site.Verified), pages.Select(p => p.Document).ToList(), site.Output.Folder)
        {
            Timings = new BuildTimings(TimeSpan.Zero, TimeSpan.Zero, BuildTimings.Since(render)),
            Snapshot = site with { Diagnostics = [.. bag.Items], Owed = finish == Finish.Superseded ? owed : null, Ledger = ledger },
            Rendered = finish == Finish.Written ? others.Count : 0,
        };
    }

    private enum Finish { Written, Superseded, Failed }

    /// <summary>
    /// The second part of a rebuild: the other pages that changed and the site-wide files,
    /// rendered in full before any is written (a template failing on one leaves every other as
    /// it was), then published. A later save arriving first stops it: the next rebuild owes it.
    /// </summary>
    private static Finish WriteRest(SiteRendering rendering, SiteUpdateWriter writer, IReadOnlyList<Page> others, SiteUpdateOwed rest, DiagnosticBag bag,
        Action<IReadOnlyCollection<string>>? published, CancellationToken superseded)
    {
        var staged = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        void Stage(string path, string text) => staged[path] = text;
        try
        {
            superseded.ThrowIfCancellationRequested();
            if (!rendering.Pages(others, Stage, bag, new PhaseProgress(IBuildProgress.None, BuildPhase.Render), superseded)) return Finish.Failed;
            superseded.ThrowIfCancellationRequested();
            // The rules page shows no page; the contents page only what `Shown` and `Fails` compare.
            if (!rendering.SiteWide(Stage, bag, generated: name => rest.EveryGenerated || name == SiteRendering.ScenariosPage, superseded)) return Finish.Failed;
            superseded.ThrowIfCancellationRequested();
        }
        catch (OperationCanceledException) when (superseded.IsCancellationRequested)
        {
            return Finish.Superseded;
        }
        foreach (var (path, text) in staged) writer.Write(path, text);
        published?.Invoke(staged.Keys.ToList());
        return Finish.Written;
    }

    /// <summary>Reads <paramref name="stale"/> from their sources again, in their places in <paramref name="pages"/>; null when one cannot be read (reported).</summary>
    private static List<Page>? ReadAgain(SiteSnapshot previous, List<Page> pages, IReadOnlyList<Page> stale, DiagnosticBag bag)
    {
        var read = new List<Page>();
        foreach (var old in stale)
        {
            var file = previous.Files.First(f => f.Relative == old.RelativePath);
            if (SiteBuilder.ReadPage(previous.Pipeline, previous.SourceRoot, previous.Config, file, bag) is not { } page) return null;
            pages[pages.FindIndex(p => p.RelativePath == old.RelativePath)] = page;
            read.Add(page);
        }
        return read;
    }

    private static BuildResult Failed(SiteUpdateWriter writer, DiagnosticBag bag, BuildOptions options, List<Page> pages, VerifiedScenarios verified)
    {
        writer.Restore();
        return SiteBuilder.Stop(bag, options, pages, verified);
    }

    private static IEnumerable<string> ScenarioNames(IEnumerable<Page> pages) =>
        pages.SelectMany(p => p.Document.Descendants<ScenarioBlock>()).Select(b => b.Name);

    /// <summary>The results in document order: the changed documents' fresh, every other one's kept.</summary>
    private static VerifiedScenarios Merge(IReadOnlyList<Page> pages, VerifiedScenarios previous, VerifiedScenarios fresh) =>
        new(pages.SelectMany(p => p.Document.Descendants<ScenarioBlock>()).Select(b => fresh.For(b) ?? previous.For(b)).OfType<Scenarios.Running.ScenarioResult>());

    /// <summary>What other pages show of a page or resolve against it: its title, sections, targets and toctree entries.</summary>
    private static string Shown(Page page)
    {
        var doc = page.Document;
        var sections = doc.Descendants<Section>().Select(s => s.Id + "\u0001" + Slug.PlainText(s.Title));
        var targets = doc.Descendants<Target>().Where(t => t.Url is null).Select(t => t.Name + "\u0001" + t.Id);
        var toctree = doc.Descendants<TocTree>().SelectMany(t => t.Entries.Concat(t.Titles.Select(x => x ?? "")));
        return string.Join("\u0002", [page.Title, .. sections, "\u0003", .. targets, "\u0003", .. toctree]);
    }

    /// <summary>Whether a scenario on the page fails: the sidebar and the contents page mark such pages.</summary>
    private static bool Fails(Page page, VerifiedScenarios verified) =>
        page.Document.Descendants<ScenarioBlock>().Any(b => verified.For(b) is { AllHold: false });
}
