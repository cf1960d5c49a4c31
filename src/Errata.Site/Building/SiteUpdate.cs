using Errata.Diagnostics;
using Errata.Documents.Syntax;
using Errata.Site.Output;
using Errata.Site.Verification;
using Errata.Site.Verification.Cache;

namespace Errata.Site.Building;

/// <summary>
/// A rebuild after some source documents changed, for `serve`: only those documents are read
/// and verified again, and only their pages are written, unless what other pages show of them
/// changed (title, sections, toctree, scenario names, or whether one fails: the sidebar, the
/// cross-references and the contents page show these), in which case every page is rendered
/// again, still without verifying the others. The scenarios page and the search index are
/// always rewritten, the contents page with every page. Any other change (the configuration, the theme, a document added, removed
/// or renamed) is a full build.
/// </summary>
public static class SiteUpdate
{
    /// <param name="changed">Full paths of the files that changed since <paramref name="previous"/> was built.</param>
    public static BuildResult Rebuild(SiteSnapshot previous, IReadOnlyCollection<string> changed)
    {
        var byReal = previous.Files.ToDictionary(f => Path.GetFullPath(f.Real), StringComparer.Ordinal);
        var files = changed.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();
        if (files.Count == 0 || files.Any(f => !byReal.ContainsKey(f) || !File.Exists(f)))
            return SiteBuilder.Build(previous.Options);

        var options = previous.Options;
        var reading = new PhaseProgress(options.Progress, BuildPhase.Read);
        var bag = new DiagnosticBag();
        var pages = previous.Pages.ToList();
        var replaced = new List<Page>();
        foreach (var file in files.Select(f => byReal[f]))
        {
            var at = pages.FindIndex(p => p.RelativePath == file.Relative);
            if (at < 0 || SiteBuilder.ReadPage(previous.Pipeline, previous.SourceRoot, previous.Config, file, bag) is not { } page)
                return SiteBuilder.Build(options);
            pages[at] = page;
            replaced.Add(page);
        }
        CrossReferences.Resolve(pages, bag);
        var read = reading.Finish();

        var verifying = new PhaseProgress(options.Progress, BuildPhase.Verify);
        var renamed = replaced.Select(p => p.RelativePath).ToHashSet(StringComparer.Ordinal);
        var oldPages = previous.Pages.Where(p => renamed.Contains(p.RelativePath)).ToList();
        // Names must stay unique across the site: a changed set of names is checked by a full build.
        if (!ScenarioNames(oldPages).SequenceEqual(ScenarioNames(replaced))) return SiteBuilder.Build(options);
        var cache = options.UseCache ? VerdictCache.Open(Path.GetDirectoryName(previous.ConfigPath)!) : VerdictCache.Off();
        var fresh = ScenarioVerifier.Verify(replaced.SelectMany(p => p.Document.Descendants<ScenarioBlock>()).ToList(), previous.Config, RunSelection.All, bag, verifying, cache, previous.SourceRoot);
        var verified = Merge(pages, previous.Verified, fresh);
        foreach (var r in previous.Verified.InOrder.Where(r => fresh.InOrder.All(f => f.Scenario.Syntax.Name != r.Scenario.Syntax.Name)))
            bag.AddRange(r.FailedClaims());
        var verify = verifying.Finish();
        if (bag.Items.Any(d => d.Descriptor.IsBadInput(options.Strict))) return SiteBuilder.Stop(bag, options, pages, verified);

        var rendering = new PhaseProgress(options.Progress, BuildPhase.Render);
        var site = previous with { Pages = pages, Verified = verified };
        var seenElsewhere = oldPages.Zip(replaced).Any(p => Shown(p.First, previous.Verified) != Shown(p.Second, verified));
        var ledger = VerificationLedger.Open(Path.GetDirectoryName(previous.ConfigPath)!, options.Clock);
        if (!OutputGuard.CheckOwnership(previous.Output, bag) || !SiteBuilder.Render(site, seenElsewhere ? pages : replaced, ledger, (path, text) => WriteInPlace(previous.Output.Folder, path, text), bag, rendering,
                // The rules page shows no page; the contents page only what `Shown` compares.
                generated: name => seenElsewhere || name == SiteBuilder.ScenariosPage))
            return SiteBuilder.Stop(bag, options, pages, verified);
        ledger.Save();
        return new BuildResult(SiteBuilder.Outcome(bag, options, pages, verified), pages.Select(p => p.Document).ToList(), previous.Output.Folder)
        {
            Timings = new BuildTimings(read, verify, rendering.Finish()),
            Snapshot = site,
            Rendered = seenElsewhere ? pages.Count : replaced.Count,
        };
    }

    private static IEnumerable<string> ScenarioNames(IEnumerable<Page> pages) =>
        pages.SelectMany(p => p.Document.Descendants<ScenarioBlock>()).Select(b => b.Name);

    /// <summary>The results in document order: the changed documents' fresh, every other one's kept.</summary>
    private static VerifiedScenarios Merge(IReadOnlyList<Page> pages, VerifiedScenarios previous, VerifiedScenarios fresh) =>
        new(pages.SelectMany(p => p.Document.Descendants<ScenarioBlock>()).Select(b => fresh.For(b) ?? previous.For(b)).OfType<Scenarios.Running.ScenarioResult>());

    /// <summary>What other pages show of a page: its title, sections, toctree entries, and whether a scenario on it fails.</summary>
    private static string Shown(Page page, VerifiedScenarios verified)
    {
        var doc = page.Document;
        var sections = doc.Descendants<Section>().Select(s => s.Id + "\u0001" + Slug.PlainText(s.Title));
        var toctree = doc.Descendants<TocTree>().SelectMany(t => t.Entries.Concat(t.Titles.Select(x => x ?? "")));
        var fails = doc.Descendants<ScenarioBlock>().Any(b => verified.For(b) is { AllHold: false });
        return string.Join("\u0002", [page.Title, .. sections, "\u0003", .. toctree, fails ? "fails" : "holds"]);
    }

    /// <summary>Replaces one file of the served output: written beside it, then renamed over it, so a reader never sees half a page.</summary>
    private static void WriteInPlace(string output, string relativePath, string content)
    {
        var path = Path.Combine(output, relativePath);
        var temporary = path + ".errata-" + Environment.ProcessId + "-" + Environment.CurrentManagedThreadId + ".tmp";
        File.WriteAllText(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
