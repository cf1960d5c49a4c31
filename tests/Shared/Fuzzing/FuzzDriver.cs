using System.Text.Json;
using System.Xml.Linq;
using Errata.Diagnostics;
using Errata.Site.Building;
using Errata.Site.Reports;
using Errata.Site.Verification;

namespace Errata.Testing.Fuzzing;

/// <summary>
/// Runs one input through the whole pipeline in-process, as the commands do: write the
/// site into a temporary folder, build it (rendering it when the input says so), produce
/// every report, and judge the result. Returns the findings (none for a good run).
/// </summary>
internal sealed class FuzzDriver(string workRoot, string templatesFolder)
{
    /// <summary>What the pipeline is doing, readable from another thread when an input hangs.</summary>
    public sealed class Progress
    {
        public volatile string Phase = "writing the site";
    }

    /// <summary>
    /// A fresh folder for a campaign's sites: in memory (/dev/shm) where the system has one,
    /// since every input writes and deletes a whole site; the system's temporary folder otherwise.
    /// </summary>
    public static string CreateWorkRoot()
    {
        const string memory = "/dev/shm";
        var parent = Directory.Exists(memory) ? memory : Path.GetTempPath();
        var root = Path.Combine(parent, $"errata-fuzz-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        return root;
    }

    public List<Finding> Run(FuzzInput input, Progress progress)
    {
        var folder = Path.Combine(workRoot, $"i{input.Index}-{Guid.NewGuid():N}");
        var site = Path.Combine(folder, "site");
        try
        {
            var paths = Write(input, site);
            progress.Phase = "build";
            var result = SiteBuilder.Build(new BuildOptions(Path.Combine(site, FuzzInput.ConfigName), WriteSite: input.Render, Strict: input.Strict));
            var findings = new List<Finding>();
            progress.Phase = "reports";
            Reports(result.Outcome, input.Index, findings);
            progress.Phase = "judging";
            Judge(result, input, paths, findings);
            return findings;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return [Finding.FromException(e, input.Index, progress.Phase)];
        }
        finally
        {
            progress.Phase = "cleaning up";
            Delete(folder);
        }
    }

    private List<string> Write(FuzzInput input, string site)
    {
        var paths = new List<string>();
        foreach (var f in input.Files)
        {
            var full = Path.Combine(site, f.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, f.Bytes);
            paths.Add(full);
        }
        // The theme is only read when the site is rendered: copying it for a check would be wasted time.
        if (input.Render)
            foreach (var file in Directory.EnumerateFiles(templatesFolder, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(site, "templates", Path.GetRelativePath(templatesFolder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
                paths.Add(target);
            }
        return paths;
    }

    /// <summary>Every report a command can print, and that each parses as its own format.</summary>
    private static void Reports(VerificationOutcome result, int index, List<Finding> findings)
    {
        foreach (var d in result.Diagnostics) DiagnosticFormatter.Format(d);
        GithubReport.Write(result);
        TraceReport.Write(result.Scenarios);
        var json = JsonReport.Write(result);
        try { JsonDocument.Parse(json).Dispose(); }
        catch (JsonException e) { findings.Add(new Finding(FindingClass.InvalidReport, "json: " + e.GetType().Name, e.Message, index)); }
        var junit = JunitReport.Write(result);
        try { XDocument.Parse(junit); }
        catch (System.Xml.XmlException e) { findings.Add(new Finding(FindingClass.InvalidReport, "junit: " + e.GetType().Name, e.Message, index)); }
    }

    private static void Judge(BuildResult result, FuzzInput input, List<string> paths, List<Finding> findings)
    {
        var exit = (int)result.ExitCode;
        if (exit is < 0 or > 2)
            findings.Add(new Finding(FindingClass.Crash, $"exit code {exit}", $"exit code {exit}, expected 0, 1 or 2", input.Index));

        var reported = result.Diagnostics.Where(d => d.Severity != Severity.Info).ToList();
        if (reported.Count == 0) return;
        var check = new SpanCheck(paths);
        foreach (var d in reported)
            if (check.Problem(d.Span) is { } problem)
                findings.Add(new Finding(FindingClass.UnlocatedDiagnostic, d.Id, $"{DiagnosticFormatter.Format(d)} [{problem}]", input.Index));

        // Markup errors in prose are reported and the page still renders (docs/guide/commands.md): exit 0 is right for them unless --strict.
        if (result.ExitCode == ExitCode.Ok && reported.FirstOrDefault(d => d.Descriptor.IsBadInput(input.Strict)) is { } stopper)
            findings.Add(new Finding(FindingClass.ErrorWithExitZero, stopper.Id, DiagnosticFormatter.Format(stopper), input.Index));
    }

    private static void Delete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A hung run may still hold files open; the campaign's root is removed at its end.
        }
    }
}
