using System.Diagnostics;
using Errata.Testing;

namespace Errata.Cli.Tests;

/// <summary>
/// Errata as users get it: packed as a .NET tool, installed into a tool path, and run as `errata`
/// on a new site (the README's install steps, with the build the test run already made).
/// </summary>
public sealed class ToolPackageTests
{
    [Fact]
    public void PackedTool_InstallsAsErrata_AndInitBuildCheckWork()
    {
        var work = Directory.CreateTempSubdirectory("errata-tool-").FullName;
        try
        {
            var project = Path.Combine(RepositoryRoot.Path, "src", "Errata.Cli", "Errata.Cli.csproj");
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var nupkg = Path.Combine(work, "nupkg");
            var tools = Path.Combine(work, "tools");
            Succeeds("dotnet", work, "pack", project, "--no-build", "-c", configuration, "-o", nupkg, "--nologo");
            Assert.Single(Directory.GetFiles(nupkg, "Errata.*.nupkg"));
            Succeeds("dotnet", work, "tool", "install", "Errata", "--tool-path", tools, "--add-source", nupkg);

            var errata = Path.Combine(tools, "errata");
            var version = Succeeds(errata, work, "--version");
            Assert.Matches(@"^errata \d+\.\d+\.\d+", version);
            Assert.Contains("machine ", version);

            Succeeds(errata, work, "init", "site");
            var site = Path.Combine(work, "site");
            Succeeds(errata, site, "build");
            Assert.True(File.Exists(Path.Combine(site, "_site", "index.html")));
            var check = Succeeds(errata, site, "check");
            Assert.Contains("claim(s) hold", check);
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
