using Errata.Testing;
using System.Diagnostics;
using System.Globalization;
using Errata.Documents;
using Errata.Documents.Rst;

namespace Errata.Benchmarks;

/// <summary>
/// Parses the whole RST corpus with Errata's reader and with docutils (parse only, the
/// corpus' stand-ins for Sphinx and kernel directives installed, as for the references) in
/// the same run, and reports MB/s and the speed ratio. Each side's time is the best of
/// several passes over all files (on a shared machine other work only ever adds time), after
/// warm-up, excluding process start and imports.
/// The ratio compares processor time (Python's process_time; for .NET the measuring thread's
/// processor time, which includes the workstation collector's work on that thread but not the
/// runtime's background compilation), which a busy machine disturbs far less than elapsed
/// time; elapsed times are printed too.
/// Installs Debian's python3-docutils when /usr/bin/python3 cannot import docutils.
/// Exit code 3 when Errata is less than <see cref="TargetRatio"/> times faster.
/// </summary>
internal static class RstBenchmark
{
    private const double TargetRatio = 50;
    internal const string Python = "/usr/bin/python3";

    public static int Run(string[] args)
    {
        var corpus = args.Length > 0 ? Path.GetFullPath(args[0]) : Corpus.Root;
        var files = new[] { "linux", "other" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(corpus, d), "*.rst", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path: Path.GetRelativePath(corpus, f).Replace('\\', '/'), Text: File.ReadAllText(f)))
            .ToArray();
        var bytes = files.Sum(f => new FileInfo(Path.Combine(corpus, f.Path)).Length);
        Console.WriteLine($"corpus: {files.Length} files, {bytes / 1e6:F2} MB ({corpus})");

        var errata = MeasureErrata(files, corpus);
        Report("errata", errata, bytes);

        EnsureDocutils();
        var docutils = MeasureDocutils(corpus);
        Report("docutils", docutils, bytes);

        var ratio = docutils.Cpu / errata.Cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio (processor time): errata is {ratio:F1}x faster than docutils (target {TargetRatio}x): {(ratio >= TargetRatio ? "met" : "NOT met")}; elapsed-time ratio {docutils.Wall / errata.Wall:F1}x"));
        return ratio >= TargetRatio ? 0 : 3;
    }

    private readonly record struct Timing(double Cpu, double Wall);

    private static void Report(string name, Timing t, long bytes) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-9} cpu {t.Cpu * 1e3,9:F1} ms {bytes / 1e6 / t.Cpu,8:F2} MB/s   elapsed {t.Wall * 1e3,9:F1} ms {bytes / 1e6 / t.Wall,8:F2} MB/s"));

    private static Timing MeasureErrata((string Path, string Text)[] files, string corpus)
    {
        var reader = new RstReader();
        var context = new ReadContext(corpus, AllowRaw: true);
        void Pass()
        {
            foreach (var (path, text) in files) reader.Read(path, text, context);
        }
        // Enough passes for tiered compilation to settle before measuring.
        for (var i = 0; i < 20; i++) Pass();
        var cpu = new List<double>();
        var wall = new List<double>();
        for (var i = 0; i < 40; i++)
        {
            var cpu0 = ThreadCpu.Seconds();
            var clock = Stopwatch.StartNew();
            Pass();
            wall.Add(clock.Elapsed.TotalSeconds);
            cpu.Add(ThreadCpu.Seconds() - cpu0);
        }
        return new Timing(cpu.Min(), wall.Min());
    }

    /// <summary>Runs docutils' RST parser over the corpus in one Python process and reads back the median pass time.</summary>
    private static Timing MeasureDocutils(string corpus)
    {
        var script = Path.Combine(Path.GetTempPath(), $"errata-docutils-bench-{Environment.ProcessId}.py");
        File.WriteAllText(script, """
            import io, os, sys, time
            corpus = sys.argv[1]
            sys.path.insert(0, os.path.join(corpus, 'tools'))
            import stubs
            stubs.install()
            from docutils import frontend, utils
            from docutils.parsers.rst import Parser
            files = []
            for sub in ('linux', 'other'):
                for dp, dn, fn in os.walk(os.path.join(corpus, sub)):
                    files += [os.path.join(dp, f) for f in fn if f.endswith('.rst')]
            files.sort()
            texts = [(f, open(f, encoding='utf-8').read()) for f in files]
            settings = frontend.get_default_settings(Parser)
            for k, v in stubs.DOCUTILS_SETTINGS.items():
                setattr(settings, k, v)
            settings.warning_stream = io.StringIO()
            parser = Parser()
            def one_pass():
                for path, text in texts:
                    doc = utils.new_document(path, settings)
                    parser.parse(text, doc)
            one_pass()
            cpu, wall = [], []
            for _ in range(5):
                c, w = time.process_time(), time.perf_counter()
                one_pass()
                cpu.append(time.process_time() - c)
                wall.append(time.perf_counter() - w)
            print(min(cpu), min(wall))
            """);
        try
        {
            var (code, output, error) = Execute(Python, $"\"{script}\" \"{corpus}\"");
            if (code != 0) throw new InvalidOperationException("docutils benchmark failed: " + error);
            var fields = output.Trim().Split('\n')[^1].Split(' ');
            return new Timing(double.Parse(fields[0], CultureInfo.InvariantCulture), double.Parse(fields[1], CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(script);
        }
    }

    internal static void EnsureDocutils()
    {
        if (Execute(Python, "-c \"import docutils\"").Code == 0) return;
        Console.WriteLine("docutils missing: installing python3-docutils with apt-get");
        if (Execute("apt-get", "install -y python3-docutils").Code != 0)
        {
            Execute("apt-get", "update");
            var (code, _, error) = Execute("apt-get", "install -y python3-docutils");
            if (code != 0) throw new InvalidOperationException("cannot install python3-docutils: " + error);
        }
    }

    internal static (int Code, string Output, string Error) Execute(string program, string arguments)
    {
        var info = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start " + program);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }
}
