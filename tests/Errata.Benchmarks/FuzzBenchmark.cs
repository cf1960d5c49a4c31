using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Errata.Testing;
using Errata.Testing.Fuzzing;

namespace Errata.Benchmarks;

/// <summary>
/// The fuzz campaign of issue 9: generated and mutated documents, scenarios and
/// configurations through the whole pipeline (read, assemble, run on every profile,
/// render, report), each input within a deadline. Prints the inputs with a finding per
/// class, inputs per second, and writes one minimised reproducer per distinct finding
/// under tests/Errata.Benchmarks/artifacts/fuzz/SEED/.
/// Run: <c>dotnet run -c Release --project tests/Errata.Benchmarks -- fuzz [COUNT] [SEED]</c>
/// (default 100,000 inputs, seed 1; a third argument, 0 to 1, is the share of inputs rendered
/// to disk, default 1: all). Target: no crash, hang or unlocated diagnostic.
/// </summary>
/// <remarks>
/// The inputs run in a child process that this one supervises, so an input that kills its
/// process (a stack overflow cannot be caught) is found, named, and the campaign goes on.
/// </remarks>
internal static class FuzzBenchmark
{
    /// <summary>Far above any legitimate input's time (milliseconds), so only a real hang reaches it on a busy machine.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>A worker restarts after this many hung inputs, whose abandoned threads would otherwise eat its cores.</summary>
    private const int MaxAbandoned = 2;

    private const int RestartExitCode = 75;

    public static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "--worker")
            return Worker(int.Parse(args[1]), int.Parse(args[2]), int.Parse(args[3]), double.Parse(args[4], CultureInfo.InvariantCulture));
        if (args.Length > 0 && args[0] == "--input")
            return Reproduce(int.Parse(args[1]), int.Parse(args[2]), double.Parse(args[3], CultureInfo.InvariantCulture));
        var count = args.Length > 0 && int.TryParse(args[0], out var c) ? c : 100_000;
        var seed = args.Length > 1 && int.TryParse(args[1], out var s) ? s : 1;
        var render = args.Length > 2 && double.TryParse(args[2], CultureInfo.InvariantCulture, out var r) ? r : 1.0;
        return Supervise(count, seed, render);
    }

    /// <summary>`fuzz --input SEED INDEX RENDER`: one input of a campaign, run alone; prints each finding, shrunk, with its input.</summary>
    private static int Reproduce(int seed, int index, double render)
    {
        var workRoot = FuzzDriver.CreateWorkRoot();
        var driver = new FuzzDriver(workRoot, Path.Combine(RepositoryRoot.Path, "templates"));
        var input = Source(render).Create(seed, index);
        var findings = driver.Run(input, new FuzzDriver.Progress());
        foreach (var f in findings.DistinctBy(f => f.Key))
        {
            var (shrunk, smallest) = Minimizer.Shrink(driver, f, input);
            Console.WriteLine(FuzzReport.Reproducer(shrunk, smallest, seed));
        }
        if (findings.Count == 0) Console.WriteLine(input.Describe() + "no finding");
        try { Directory.Delete(workRoot, recursive: true); } catch (IOException) { }
        return findings.Count == 0 ? 0 : 1;
    }

    private static FuzzInputSource Source(double render) => new(SeedDocuments.Load(RepositoryRoot.Path), render);

    private static int Worker(int seed, int start, int count, double render)
    {
        var workRoot = FuzzDriver.CreateWorkRoot();
        var output = Console.Out;
        var gate = new object();
        void Line(string text) { lock (gate) { output.WriteLine(text); output.Flush(); } }
        var campaign = new FuzzCampaign(Source(render), new FuzzDriver(workRoot, Path.Combine(RepositoryRoot.Path, "templates")), Deadline)
        {
            Began = i => Line($"B {i}"),
            Ended = (i, findings) =>
            {
                foreach (var f in findings) Line("F " + JsonSerializer.Serialize(f));
                Line($"E {i}");
            },
            MaxAbandoned = MaxAbandoned,
        };
        campaign.Run(seed, Enumerable.Range(start, count).ToList(), Environment.ProcessorCount);
        // Hung inputs' threads may still hold their folders; what cannot be deleted now is left to the system's cleaning.
        try { Directory.Delete(workRoot, recursive: true); } catch (IOException) { }
        return campaign.Abandoned >= MaxAbandoned ? RestartExitCode : 0;
    }

    private static int Supervise(int count, int seed, double render)
    {
        var source = Source(render);
        var findings = new FindingSet();
        var ended = new HashSet<int>();
        var clock = Stopwatch.StartNew();
        var lastProgress = clock.Elapsed;
        while (ended.Count < count)
        {
            var start = Enumerable.Range(0, count).First(i => !ended.Contains(i));
            var begun = new HashSet<int>();
            var (exit, cause) = RunWorker(seed, render, start, count - start, begun, ended, findings, source, ref lastProgress, clock, alone: false);
            if (exit == 0 || exit == RestartExitCode) continue;
            if (begun.Count == 0) throw new InvalidOperationException($"the fuzz worker exited with {exit} before running any input: {cause}");
            // The worker died: each input it had begun and not ended is run alone to find the one that kills.
            var suspects = begun.Where(i => !ended.Contains(i)).ToList();
            var named = false;
            foreach (var suspect in suspects)
            {
                var (aloneExit, aloneCause) = RunWorker(seed, render, suspect, 1, [], ended, findings, source, ref lastProgress, clock, alone: true);
                if (aloneExit is 0 or RestartExitCode || ended.Contains(suspect)) continue;
                findings.Add(new Finding(FindingClass.ProcessDied, aloneCause, $"the process running this input alone died: {aloneCause}", suspect), source.Create(seed, suspect));
                ended.Add(suspect);
                named = true;
            }
            // A death that does not recur alone (a stack depth can depend on how far the JIT has optimised) is kept on every suspect.
            if (!named)
                foreach (var suspect in suspects)
                    findings.Add(new Finding(FindingClass.ProcessDied, cause, $"the worker died while running inputs {string.Join(", ", suspects.Select(i => "#" + i))}; none died alone: {cause}", suspect), source.Create(seed, suspect));
        }
        var elapsed = clock.Elapsed;
        Console.WriteLine(FuzzReport.Summary(findings, count, elapsed));
        var folder = Path.Combine(RepositoryRoot.Path, "tests", "Errata.Benchmarks", "artifacts", "fuzz", seed.ToString(CultureInfo.InvariantCulture));
        WriteReproducers(findings, source, seed, folder);
        Console.WriteLine($"reproducers: {folder}");
        var counts = findings.CountsByClass();
        return counts.Values.Sum() == 0 ? 0 : 1;
    }

    private static (int Exit, string Cause) RunWorker(int seed, double render, int start, int count, HashSet<int> begun, HashSet<int> ended, FindingSet findings, FuzzInputSource source, ref TimeSpan lastProgress, Stopwatch clock, bool alone)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Under `dotnet run` the process is the app host; under `dotnet X.dll` it is dotnet and needs the assembly.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") info.ArgumentList.Add(typeof(FuzzBenchmark).Assembly.Location);
        foreach (var a in new[] { "fuzz", "--worker", seed.ToString(CultureInfo.InvariantCulture), start.ToString(CultureInfo.InvariantCulture), count.ToString(CultureInfo.InvariantCulture), render.ToString(CultureInfo.InvariantCulture) }) info.ArgumentList.Add(a);
        // Alone, an input runs fully optimised code from the start, as a long-running worker's hot paths are by then.
        if (alone) info.Environment["DOTNET_TieredCompilation"] = "0";
        using var process = Process.Start(info)!;
        var stderr = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (stderr) if (e.Data is not null && stderr.Length < 1 << 16) stderr.Append(e.Data).Append('\n'); };
        process.BeginErrorReadLine();
        for (string? line; (line = process.StandardOutput.ReadLine()) is not null;)
        {
            var index = line.Length > 2 && line[0] != 'F' ? int.Parse(line[2..]) : -1;
            switch (line[0])
            {
                case 'B': begun.Add(index); break;
                case 'E': ended.Add(index); break;
                case 'F':
                    var f = JsonSerializer.Deserialize<Finding>(line[2..])!;
                    if (!ended.Contains(f.Index)) findings.Add(f, source.Create(seed, f.Index));
                    break;
            }
            if (clock.Elapsed - lastProgress > TimeSpan.FromSeconds(15))
            {
                lastProgress = clock.Elapsed;
                Console.Error.WriteLine($"fuzz: {ended.Count} done, {ended.Count / clock.Elapsed.TotalSeconds:F0}/s, {findings.CountsByClass().Values.Sum()} with findings");
            }
        }
        process.WaitForExit();
        lock (stderr) return (process.ExitCode, Cause(stderr.ToString(), process.ExitCode));
    }

    /// <summary>Why a worker died, from what the runtime printed: a stack overflow names its innermost frame of Errata's code.</summary>
    private static string Cause(string stderr, int exit)
    {
        var lines = stderr.Split('\n');
        var overflow = Array.FindIndex(lines, l => l.StartsWith("Stack overflow", StringComparison.Ordinal));
        if (overflow < 0) return $"exit code {exit}";
        var frame = lines.Skip(overflow).FirstOrDefault(l => l.TrimStart().StartsWith("at Errata.", StringComparison.Ordinal));
        return "stack overflow" + (frame is null ? "" : " " + frame.Trim());
    }

    private static void WriteReproducers(FindingSet findings, FuzzInputSource source, int seed, string folder)
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        var workRoot = FuzzDriver.CreateWorkRoot();
        var driver = new FuzzDriver(workRoot, Path.Combine(RepositoryRoot.Path, "templates"));
        var n = 0;
        foreach (var (finding, input, _) in findings.Distinct())
        {
            var (shrunk, smallest) = Minimizer.Shrink(driver, finding, input);
            var dir = Path.Combine(folder, $"{++n:D3}-{finding.Class}");
            foreach (var file in smallest.Files)
            {
                var path = Path.Combine(dir, "site", file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, file.Bytes);
            }
            File.WriteAllText(Path.Combine(dir, "finding.txt"), FuzzReport.Reproducer(shrunk, smallest, seed));
        }
        try { Directory.Delete(workRoot, recursive: true); } catch (IOException) { }
    }
}
