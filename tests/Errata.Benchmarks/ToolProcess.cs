using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Errata.Testing;

namespace Errata.Benchmarks;

/// <summary>
/// Runs a command as a user would, a process from start to exit, and measures it: elapsed time
/// and processor time (user and system, every thread). The Errata tool is the CLI published
/// the way its package for this machine's runtime identifier ships it (compiled ahead of time
/// on linux-x64), or as the portable package ships it (compiled just in time).
/// </summary>
internal static class ToolProcess
{
    public readonly record struct Run(double Wall, double Cpu, int ExitCode, string Output, string Error);

    public static Run Measure(string program, string workingFolder, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = workingFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        if (environment is not null) foreach (var (k, v) in environment) info.Environment[k] = v;
        var cpu0 = ChildrenCpu();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start " + program);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var wall = clock.Elapsed.TotalSeconds;
        return new Run(wall, ChildrenCpu() - cpu0, process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Processor time of every child process waited for so far (getrusage RUSAGE_CHILDREN): a process's own is gone once it exits.</summary>
    private static double ChildrenCpu()
    {
        if (GetRusage(-1, out var usage) != 0) throw new InvalidOperationException("getrusage failed");
        return usage.UserSeconds + usage.UserMicroseconds / 1e6 + usage.SystemSeconds + usage.SystemMicroseconds / 1e6;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        // The rest of struct rusage: 14 longs the measurement does not read.
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)]
        public long[] Rest;
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, out RUsage usage);

    /// <summary>The least elapsed and processor time of several runs (on a shared machine the others count its other work); <paramref name="before"/> runs ahead of each, unmeasured.</summary>
    public static Run Best(int runs, Action? before, Func<Run> run)
    {
        Run? best = null;
        for (var i = 0; i < runs; i++)
        {
            before?.Invoke();
            var r = run();
            best = best is null ? r : best.Value with { Wall = Math.Min(best.Value.Wall, r.Wall), Cpu = Math.Min(best.Value.Cpu, r.Cpu) };
        }
        return best!.Value;
    }

    /// <summary>Publishes the CLI as the tool package carries it into a temporary folder once per run; returns the executable.</summary>
    public static string PublishTool(string work) => Publish(work, "tool", "");

    /// <summary>Publishes the CLI as the portable package carries it (framework-dependent, compiled just in time); returns the executable.</summary>
    public static string PublishPortable(string work) => Publish(work, "portable", "-p:PublishAot=false --self-contained false");

    private static string Publish(string work, string folder, string options)
    {
        var output = Path.Combine(work, folder);
        var rid = RuntimeInformation.RuntimeIdentifier;
        var project = Path.Combine(RepositoryRoot.Path, "src", "Errata.Cli", "Errata.Cli.csproj");
        var (code, _, error) = RstBenchmark.Execute("dotnet", $"publish \"{project}\" -c Release -r {rid} {options} -o \"{output}\" --nologo -v q");
        if (code != 0) throw new InvalidOperationException("cannot publish the tool: " + error);
        return Path.Combine(output, OperatingSystem.IsWindows() ? "errata.exe" : "errata");
    }

    public static string Seconds(double s) => s.ToString("0.000", CultureInfo.InvariantCulture) + " s";
}
