using System.Globalization;
using Errata.Site.Building;
using Errata.Testing;

namespace Errata.Benchmarks;

/// <summary>
/// `scale`: Errata at scale, as its user runs it (the published tool, one process per command),
/// with its peer in the same run:
/// <list type="bullet">
/// <item>corpus: a cold `errata build` of the 70 Linux files of tests/Corpus against a cold
/// `sphinx-build -b html` of the same files (Debian's python3-sphinx, with the corpus' own
/// configuration tests/Corpus/tools/sphinx; flat-table from the kernel's Documentation/sphinx,
/// taken from $KERNEL_SPHINX_DIR or extracted from Debian's linux-source-6.12 tarball);</item>
/// <item>site: a generated site of PAGES pages (default 1,000), one scenario each on three
/// profiles: cold build, its output's size, the largest page, cold check, and check again with
/// nothing changed; then the same build in-process, by phase, cold and warm.</item>
/// </list>
/// Each figure is the least of RUNS runs (default 3): elapsed time, and processor time over
/// every thread. Exit code 3 when a target is not met (elapsed time, except the Sphinx ratio,
/// taken on processor time, which a shared machine disturbs least).
/// Run: <c>dotnet run -c Release --project tests/Errata.Benchmarks -- scale [PAGES] [RUNS] [PARTS]</c>,
/// PARTS a comma-separated choice of corpus, site, portable and inprocess (default all but portable;
/// portable: build cold, check cold and check with nothing changed by the CLI as the portable package
/// ships it, compiled just in time, and with corpus its corpus build beside the tool's, against the same Sphinx run).
/// </summary>
internal static class ScaleBenchmark
{
    private const double SphinxRatio = 20;
    private const double ColdBuild = 1.0;
    private const double ColdCheck = 0.5;
    private const double WarmCheck = 0.2;
    private const long OutputBytes = 10_000_000;

    public static int Run(string[] args)
    {
        var pages = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var work = Path.Combine(Path.GetTempPath(), $"errata-scale-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        try
        {
            var tool = ToolProcess.PublishTool(work);
            Console.WriteLine($"tool: {tool} (published as the package for this platform ships it); {Environment.ProcessorCount} processor(s); least of {runs} runs");
            var parts = args.Length > 2 ? args[2].Split(',') : ["corpus", "site", "inprocess"];
            var portable = parts.Contains("portable") ? ToolProcess.PublishPortable(work) : null;
            if (portable is not null) Console.WriteLine($"portable: {portable} (as the portable package ships it)");
            var met = !parts.Contains("corpus") || Corpus(portable is null ? [tool] : [tool, portable], work, runs);
            if (parts.Contains("site")) met &= Site(tool, work, pages, runs);
            else ScaleSite.Write(Path.Combine(work, "site"), pages, perFolder: 100);
            // The portable tool is measured for comparison; the targets are the platform's tool's.
            if (portable is not null) Portable(portable, Path.Combine(work, "site"), runs);
            if (parts.Contains("inprocess")) met &= InProcess(Path.Combine(work, "site"));
            Console.WriteLine(met ? "all targets met" : "some targets NOT met");
            return met ? 0 : 3;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Each tool's cold build of the corpus against one measurement of Sphinx's, in the same run.</summary>
    private static bool Corpus(IReadOnlyList<string> tools, string work, int runs)
    {
        var source = Path.Combine(Testing.Corpus.Root, "linux", "Documentation");
        var site = Path.Combine(work, "corpus");
        Directory.CreateDirectory(site);
        File.WriteAllText(Path.Combine(site, "site.config.json"), $$"""{ "title": "Corpus", "source": {{System.Text.Json.JsonSerializer.Serialize(source)}}, "output": "_site" }""");
        var files = Directory.EnumerateFiles(source, "*.rst", SearchOption.AllDirectories).Count();
        var builds = tools.Select(tool => ToolProcess.Best(runs, () => Clean(Path.Combine(site, "_site"), Path.Combine(site, ".errata")),
            () => Succeeded(ToolProcess.Measure(tool, site, null, "build"), "errata build of the corpus"))).ToList();

        var sphinx = SphinxBuild.Measure(source, Path.Combine(work, "sphinx"), runs);
        Console.WriteLine($"corpus ({files} files): sphinx-build -b html {ToolProcess.Seconds(sphinx.Wall)} ({ToolProcess.Seconds(sphinx.Cpu)} processor)");
        var met = true;
        foreach (var (tool, errata) in tools.Zip(builds))
        {
            var ratio = sphinx.Cpu / errata.Cpu;
            Console.WriteLine($"corpus: errata build {ToolProcess.Seconds(errata.Wall)} ({ToolProcess.Seconds(errata.Cpu)} processor) with {tool}");
            // The first tool is the platform's, whose figure the target is for; the portable one is for comparison.
            var platform = tool == tools[0];
            Console.WriteLine(Invariant($"corpus: errata is {ratio:F1}x faster on processor time, {sphinx.Wall / errata.Wall:F1}x on elapsed time{(platform ? $" (target {SphinxRatio}x): {Verdict(ratio >= SphinxRatio)}" : "")}"));
            if (platform) met &= ratio >= SphinxRatio;
        }
        return met;
    }

    private static bool Site(string tool, string work, int pages, int runs)
    {
        var site = Path.Combine(work, "site");
        ScaleSite.Write(site, pages, perFolder: 100);
        var output = Path.Combine(site, "_site");
        var build = BuildCold(tool, site, runs);
        var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Select(f => new FileInfo(f)).ToList();
        var bytes = files.Sum(f => f.Length);
        var largestPage = files.Where(f => f.Name.StartsWith("page-", StringComparison.Ordinal)).Max(f => f.Length);
        var (check, again) = Checks(tool, site, runs);

        Console.WriteLine($"site ({pages} pages, one scenario each on 3 profiles):");
        Console.WriteLine($"  build, cold:             {ToolProcess.Seconds(build.Wall)} ({ToolProcess.Seconds(build.Cpu)} processor), target < {ColdBuild} s: {Verdict(build.Wall < ColdBuild)}");
        Console.WriteLine(Invariant($"  output:                  {bytes / 1e6:F2} MB in {files.Count} files, largest page {largestPage / 1e3:F1} kB, target < {OutputBytes / 1e6} MB: {Verdict(bytes < OutputBytes)}"));
        Console.WriteLine($"  check, cold:             {ToolProcess.Seconds(check.Wall)} ({ToolProcess.Seconds(check.Cpu)} processor), target < {ColdCheck} s: {Verdict(check.Wall < ColdCheck)}");
        Console.WriteLine($"  check, nothing changed:  {ToolProcess.Seconds(again.Wall)} ({ToolProcess.Seconds(again.Cpu)} processor), target < {WarmCheck} s: {Verdict(again.Wall < WarmCheck)}");
        return build.Wall < ColdBuild && bytes < OutputBytes && check.Wall < ColdCheck && again.Wall < WarmCheck;
    }

    /// <summary>A build with no output and no cache.</summary>
    private static ToolProcess.Run BuildCold(string tool, string site, int runs) =>
        ToolProcess.Best(runs, () => Clean(Path.Combine(site, "_site"), Path.Combine(site, ".errata")),
            () => Succeeded(ToolProcess.Measure(tool, site, null, "build"), "errata build"));

    /// <summary>Check cold, then with nothing changed (after one unmeasured check that fills the cache).</summary>
    private static (ToolProcess.Run Cold, ToolProcess.Run Warm) Checks(string tool, string site, int runs)
    {
        var cold = ToolProcess.Best(runs, () => Clean(Path.Combine(site, ".errata")),
            () => Succeeded(ToolProcess.Measure(tool, site, null, "check"), "errata check"));
        Succeeded(ToolProcess.Measure(tool, site, null, "check"), "errata check");
        var warm = ToolProcess.Best(runs, null, () => Succeeded(ToolProcess.Measure(tool, site, null, "check"), "errata check"));
        return (cold, warm);
    }

    private static void Portable(string tool, string site, int runs)
    {
        var build = BuildCold(tool, site, runs);
        var (check, again) = Checks(tool, site, runs);
        Console.WriteLine($"site, the portable tool, for comparison ({tool}):");
        Console.WriteLine($"  build, cold:             {ToolProcess.Seconds(build.Wall)} ({ToolProcess.Seconds(build.Cpu)} processor)");
        Console.WriteLine($"  check, cold:             {ToolProcess.Seconds(check.Wall)} ({ToolProcess.Seconds(check.Cpu)} processor)");
        Console.WriteLine($"  check, nothing changed:  {ToolProcess.Seconds(again.Wall)} ({ToolProcess.Seconds(again.Cpu)} processor)");
    }

    /// <summary>The same build in this process, by phase: the first pays for compiling the code, the last shows the work alone.</summary>
    private static bool InProcess(string site)
    {
        for (var i = 0; i < 4; i++)
        {
            Clean(Path.Combine(site, "_site"), Path.Combine(site, ".errata"));
            var cpu = Environment.CpuUsage.TotalTime;
            var result = SiteBuilder.Build(new BuildOptions(Path.Combine(site, "site.config.json")));
            if (result.ExitCode != ExitCode.Ok) throw new InvalidOperationException("in-process build failed");
            Console.WriteLine($"  in-process build {(i == 0 ? "(first)" : i.ToString(CultureInfo.InvariantCulture)),-7}  {result.Timings.Describe(rendered: true)}; {ToolProcess.Seconds((Environment.CpuUsage.TotalTime - cpu).TotalSeconds)} processor");
        }
        return true;
    }

    private static ToolProcess.Run Succeeded(ToolProcess.Run run, string what) =>
        run.ExitCode == 0 ? run : throw new InvalidOperationException($"{what} exited {run.ExitCode}: {run.Error}");

    private static void Clean(params string[] folders)
    {
        foreach (var f in folders) if (Directory.Exists(f)) Directory.Delete(f, recursive: true);
    }

    private static string Verdict(bool met) => met ? "met" : "NOT met";

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
