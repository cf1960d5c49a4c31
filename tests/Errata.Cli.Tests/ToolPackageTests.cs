using System.Diagnostics;
using System.Text.RegularExpressions;
using Errata.Testing;

namespace Errata.Cli.Tests;

/// <summary>
/// Errata as users get it: packed as a .NET tool (the pointer package, the native one for
/// linux-x64 and the portable one), installed into a tool path, and run as `errata` on a new
/// site (the README's install steps). On this platform the install must pick the native tool.
/// </summary>
public sealed class ToolPackageTests
{
    [Fact]
    public void PackedTool_InstallsNative_AndInitBuildCheckWork()
    {
        var work = Directory.CreateTempSubdirectory("errata-tool-").FullName;
        try
        {
            var project = Path.Combine(RepositoryRoot.Path, "src", "Errata.Cli", "Errata.Cli.csproj");
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var nupkg = Path.Combine(work, "nupkg");
            var tools = Path.Combine(work, "tools");
            // The README's three packs, in its order. The pointer package holds no build (the test run's
            // serves); each platform's build goes to its own output folder, apart from the test run's.
            Succeeds("dotnet", work, "pack", project, "--no-build", "-c", configuration, "-o", nupkg, "--nologo");
            Succeeds("dotnet", work, "pack", project, "-c", configuration, "-r", "linux-x64", "-o", nupkg, "--nologo");
            Succeeds("dotnet", work, "pack", project, "-c", configuration, "-r", "any", "-o", nupkg, "--nologo");
            var packages = Directory.GetFiles(nupkg, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(3, packages.Count);
            var release = Assert.Single(packages, p => p!.StartsWith("Errata.any.", StringComparison.Ordinal))!["Errata.any.".Length..^".nupkg".Length];
            Assert.Equal(["Errata." + release + ".nupkg", "Errata.any." + release + ".nupkg", "Errata.linux-x64." + release + ".nupkg"], packages);
            Succeeds("dotnet", work, "tool", "install", "Errata", "--tool-path", tools, "--add-source", nupkg);

            var errata = Path.Combine(tools, "errata");
            var version = Succeeds(errata, work, "--version");
            Assert.Matches($@"^errata {Regex.Escape(release)}(\+\S+)? \(native linux-x64\)\nmachine \S+\n$", version);

            Succeeds(errata, work, "init", "site");
            var site = Path.Combine(work, "site");
            Succeeds(errata, site, "build");
            Assert.True(File.Exists(Path.Combine(site, "_site", "index.html")));
            var check = Succeeds(errata, site, "check");
            Assert.Contains("claim(s) hold", check);
            // The reports and the verdict cache read and write JSON by reflection: the native tool must too.
            var report = Succeeds(errata, site, "check", "--format", "sarif");
            Assert.Contains("\"version\": \"2.1.0\"", report);
            Assert.True(File.Exists(Path.Combine(site, ".errata", "cache", "outcomes.json")));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Runs a program to its end; fails the test with its output unless it exits 0.</summary>
    private static string Succeeds(string program, string folder, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} exited {process.ExitCode}:\n{stdout}\n{stderr.Result}");
        return stdout;
    }
}
