using System.Diagnostics;
using Errata.Site.Building;
using Errata.Site.Verification.Cache;

namespace Errata.Benchmarks;

/// <summary>
/// What the verdict cache saves: `check` of a site (default: the repository's own
/// site.config.json) without the cache, with an empty cache (every run, plus writing the
/// entries), and with a warm one (no run: reading, compiling, hashing, reading the cache file),
/// each the best of <see cref="Rounds"/> in wall time and process CPU time.
/// Run: <c>dotnet run -c Release --project tests/Errata.Benchmarks -- cache [CONFIG]</c>, or
/// <c>-- cache --synthetic SCENARIOS INSTRUCTIONS</c> for a generated site whose scenarios each
/// run a loop of about INSTRUCTIONS instructions on apm.
/// </summary>
internal static class CacheBenchmark
{
    private const int Rounds = 5;

    public static int Run(string[] args)
    {
        if (args is ["--synthetic", var count, var instructions])
        {
            var site = Directory.CreateTempSubdirectory("errata-cache-bench-").FullName;
            try
            {
                return Measure(Synthetic(site, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), long.Parse(instructions, System.Globalization.CultureInfo.InvariantCulture)));
            }
            finally
            {
                Directory.Delete(site, recursive: true);
            }
        }
        return Measure(Path.GetFullPath(args.Length > 0 ? args[0] : "site.config.json"));
    }

    /// <summary>A site of one page per scenario, each counting a register down in a loop of three instructions.</summary>
    private static string Synthetic(string site, int count, long instructions)
    {
        Directory.CreateDirectory(Path.Combine(site, "docs"));
        File.WriteAllText(Path.Combine(site, "site.config.json"), "{}");
        for (var i = 0; i < count; i++)
            File.WriteAllText(Path.Combine(site, "docs", $"p{i}.md"),
                $"# Page {i}\n\n```scenario loop-{i}\nprofiles: apm\nbudget: {instructions + 100}\ncode:\n  mov rcx, {instructions / 3}\nagain:\n  add rax, {i + 1}\n  dec rcx\n  jnz again\n  hlt\nexpect: halted\nexpect: rcx = 0\n```\n");
        return Path.Combine(site, "site.config.json");
    }

    private static int Measure(string config)
    {
        var cache = VerdictCache.FolderOf(Path.GetDirectoryName(config)!);
        if (Directory.Exists(cache))
        {
            Console.Error.WriteLine($"{cache} exists: move it away first, so that the benchmark neither uses nor replaces it");
            return 2;
        }
        try
        {
            var off = Best(() => Check(config, useCache: false), before: null);
            var cold = Best(() => Check(config, useCache: true), before: () => Directory.Delete(cache, recursive: true));
            var warm = Best(() => Check(config, useCache: true), before: null);
            var runs = Check(config, useCache: true).Runs;
            Console.WriteLine($"cache: {runs.Count} run(s), {runs.Count(r => r.Reused)} reused when warm");
            Console.WriteLine($"cache: check without the cache  {off.Wall * 1e3,8:F1} ms wall, {off.Cpu * 1e3,8:F1} ms CPU, verify {off.Verify * 1e3,8:F1} ms");
            Console.WriteLine($"cache: check, empty cache       {cold.Wall * 1e3,8:F1} ms wall, {cold.Cpu * 1e3,8:F1} ms CPU, verify {cold.Verify * 1e3,8:F1} ms");
            Console.WriteLine($"cache: check, warm cache        {warm.Wall * 1e3,8:F1} ms wall, {warm.Cpu * 1e3,8:F1} ms CPU, verify {warm.Verify * 1e3,8:F1} ms");
            return 0;
        }
        finally
        {
            if (Directory.Exists(cache)) Directory.Delete(cache, recursive: true);
        }
    }

    private static BuildResult Check(string config, bool useCache)
    {
        var result = SiteBuilder.Build(new BuildOptions(config, WriteSite: false) { UseCache = useCache });
        if (result.ExitCode is not (ExitCode.Ok or ExitCode.ClaimsFailed)) throw new InvalidOperationException(result.Outcome.Summary);
        return result;
    }

    /// <summary>The least wall time, CPU time and verify phase of the rounds (the first warms the JIT and is not counted).</summary>
    private static (double Wall, double Cpu, double Verify) Best(Func<BuildResult> work, Action? before)
    {
        work();
        var (wall, cpu, verify) = (double.MaxValue, double.MaxValue, double.MaxValue);
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < Rounds; round++)
        {
            before?.Invoke();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var result = work();
            wall = Math.Min(wall, clock.Elapsed.TotalSeconds);
            process.Refresh();
            cpu = Math.Min(cpu, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
            verify = Math.Min(verify, result.Timings.Verify.TotalSeconds);
        }
        return (wall, cpu, verify);
    }
}
