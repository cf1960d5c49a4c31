using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Errata.Testing;
using Microsoft.Playwright;

namespace Errata.Benchmarks;

/// <summary>
/// `serve`: how long an author waits to see a save. The published tool serves a generated site
/// of PAGES pages (default 1,000) as `errata serve`; Debian's Chromium (/usr/bin/chromium,
/// through Playwright) has one of its pages open; each of EDITS saves (default 10) of that
/// page's source is timed from the write until the page shows the new text (checked at every
/// animation frame). Reports the median,
/// the slowest and the fastest, the server's own `--timings` line for each save (where the
/// time went: settling, reading, verifying, the page in place, every file in place) and the
/// browser's (the page told, its new HTML fetched, the text shown); exit
/// code 3 when the median is not under 200 ms.
/// Run: <c>dotnet run -c Release --project tests/Errata.Benchmarks -- serve [PAGES] [EDITS]</c>.
/// </summary>
internal static class ServeBenchmark
{
    private const double Target = 0.2;
    private const string Chromium = "/usr/bin/chromium";
    private const int PerFolder = 100;

    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var pages = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var edits = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        if (!File.Exists(Chromium)) throw new InvalidOperationException($"Chromium is missing at {Chromium}: install Debian's chromium package.");
        var work = Path.Combine(Path.GetTempPath(), $"errata-serve-{Environment.ProcessId}");
        var site = Path.Combine(work, "site");
        Directory.CreateDirectory(work);
        Process? serve = null;
        try
        {
            ScaleSite.Write(site, pages, PerFolder);
            var tool = ToolProcess.PublishTool(work);
            var port = LoopbackPort.Free();
            serve = Process.Start(new ProcessStartInfo(tool, ["serve", "--timings", "--port", port.ToString(CultureInfo.InvariantCulture)]) { WorkingDirectory = site, RedirectStandardOutput = true, RedirectStandardError = true })!;
            serve.OutputDataReceived += (_, _) => { };
            var timings = new System.Collections.Concurrent.ConcurrentQueue<string>();
            serve.ErrorDataReceived += (_, e) =>
            {
                if (e.Data?.StartsWith("timings:", StringComparison.Ordinal) == true) timings.Enqueue(e.Data);
            };
            serve.BeginOutputReadLine();
            serve.BeginErrorReadLine();
            var number = pages / 2;
            var page = ScaleSite.PagePath(number, PerFolder);
            var url = $"http://127.0.0.1:{port}/{page}.html";
            await WaitServed(url);

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
            var tab = await browser.NewPageAsync();
            await tab.GotoAsync(url);
            var source = Path.Combine(site, "docs", page + ".md");
            var times = new List<double>();
            var inPage = new List<string>();
            for (var i = 0; i < edits; i++)
            {
                var marker = $"Saved edit number {i}.";
                await tab.EvaluateAsync(WatchFor, marker);
                var saved = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                var clock = Stopwatch.StartNew();
                await File.WriteAllTextAsync(source, ScaleSite.Page(number, failing: false, extra: " " + marker));
                // Asked at every animation frame: a selector wait polls ever more slowly, and would time its own polling.
                await tab.WaitForFunctionAsync("marker => document.body.textContent.includes(marker)", marker, new() { Timeout = 30_000 });
                times.Add(clock.Elapsed.TotalSeconds);
                inPage.Add(await BrowserTimings(tab, saved, url));
                // Let the page settle into its next wait before the next save.
                await Task.Delay(300);
            }
            // The first build's line, then one per save.
            foreach (var (line, seen) in timings.Skip(1).Zip(inPage)) Console.WriteLine($"  server {line}\n  browser {seen}");
            times.Sort();
            var median = times[times.Count / 2];
            Console.WriteLine($"serve ({pages} pages): a save shows in the open page after {ToolProcess.Seconds(median)} (median of {edits}), slowest {ToolProcess.Seconds(times[^1])}, fastest {ToolProcess.Seconds(times[0])}; target < {Target} s: {(median < Target ? "met" : "NOT met")}");
            return median < Target ? 0 : 3;
        }
        finally
        {
            if (serve is { HasExited: false }) serve.Kill(entireProcessTree: true);
            serve?.Dispose();
            Directory.Delete(work, recursive: true);
        }
    }

    // When the open page first holds the text (a page swapped in place keeps this observer; one reloaded loses it).
    private const string WatchFor = """
        marker => {
          window.__errataShown = null;
          const seen = () => { if (window.__errataShown === null && document.body.textContent.includes(marker)) window.__errataShown = performance.timeOrigin + performance.now(); };
          new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;

    /// <summary>
    /// Where the browser's part of a save went, from the page's own clocks (resource timing),
    /// in milliseconds from the save: the server told the page, the page had fetched its new
    /// HTML, the text was in the page.
    /// </summary>
    private static async Task<string> BrowserTimings(IPage tab, long saved, string url)
    {
        var at = await tab.EvaluateAsync<double?[]>("""
            url => {
              const at = e => e ? performance.timeOrigin + e.responseEnd : null;
              const entries = performance.getEntriesByType('resource');
              const last = test => entries.filter(test).pop();
              const told = last(e => e.name.includes('/__errata/version') && e.responseEnd > 0);
              const fetched = last(e => e.name === url);
              performance.clearResourceTimings();
              return [at(told), at(fetched), window.__errataShown ?? null];
            }
            """, url);
        string Ms(double? t) => t is { } ms ? (ms - saved).ToString("0", CultureInfo.InvariantCulture) + " ms" : "-";
        return $"told after {Ms(at[0])}, new HTML fetched after {Ms(at[1])}, shown after {Ms(at[2])} (from the save; '-': the page reloaded)";
    }

    private static async Task WaitServed(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 600; i++)
        {
            try
            {
                if ((await http.GetAsync(url)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("errata serve did not serve " + url);
    }

}
