using System.CommandLine;
using Errata.Cli.CommandLine;
using Errata.Cli.Progress;
using Errata.Diagnostics;
using Errata.Machine.Backends;
using Errata.Site.Building;
using Errata.Site.Config;
using Errata.Site.Reports;
using Errata.Site.Verification;

namespace Errata.Cli.Commands;

/// <summary>Options, arguments and output shared by the commands: each defined once, added to every command that takes it.</summary>
internal static class CommonOptions
{
    public const string DefaultConfig = "site.config.json";

    public static readonly Option<string> Config = new("--config") { Description = $"the site's configuration file (default: {DefaultConfig})", HelpName = "FILE" };
    public static readonly Option<bool> Strict = new("--strict") { Description = "treat warnings as errors (exit 2)" };
    public static readonly Option<bool> Timings = new("--timings") { Description = "print how long reading, verifying and rendering took (on standard error)" };
    public static readonly Option<string> Backend = new Option<string>("--backend")
    {
        Description = "what runs the scenarios: the built-in machine, or QEMU (qemu-system-x86_64; TCG realises profile qemu-tcg, KVM with SVM realises kvm)",
        HelpName = string.Join("|", Backends.Names),
    }.Words("backend", Backends.Names);

    public static readonly Option<bool> NoCache = new("--no-cache") { Description = "run every scenario: neither read nor write the verdict cache (.errata/cache)" };
    public static readonly Option<bool> Verbose = new("--verbose") { Description = "say, for each scenario and profile, whether its outcome came from the verdict cache or why it ran (on standard error)" };
    public static readonly Argument<string> Document = new("FILE") { Description = "the document (.md or .rst)" };

    /// <summary>The backend --backend names; the built-in machine when it is not given.</summary>
    public static IMachineBackend BackendOf(ParseResult args) =>
        Backends.Create(args.GetValue(Backend) ?? Backends.BuiltIn)!;

    public static string ConfigPath(ParseResult args) => args.GetValue(Config) ?? DefaultConfig;

    /// <summary>The site's config when there is one; a file named with --config must exist, otherwise the defaults apply.</summary>
    public static SiteConfig LoadConfigIfAny(ParseResult args, DiagnosticBag bag)
    {
        var path = ConfigPath(args);
        return File.Exists(path) || args.GetValue(Config) is not null
            ? SiteConfigLoader.Load(path, SiteBuilder.Display(Path.GetFullPath(path)), bag)
            : new SiteConfig();
    }

    /// <summary>
    /// The one document a command works on, the config around it and the site's source folder
    /// (as build finds it, defaults included), or null after printing why not (the caller exits 2).
    /// </summary>
    public static (string File, SiteConfig Config, string SourceRoot)? DocumentAndConfig(ParseResult args, TextWriter stderr)
    {
        var bag = new DiagnosticBag();
        var config = LoadConfigIfAny(args, bag);
        if (!bag.HasErrors) return (args.GetRequiredValue(Document), config, SiteBuilder.SourceRootOf(ConfigPath(args), config));
        Print(bag.Items, stderr);
        return null;
    }

    /// <summary>
    /// A report to its file (then the summary on standard output) or to standard output: null
    /// when delivered, bad input when the file cannot be written.
    /// </summary>
    public static ExitCode? Deliver(string? file, string report, string summary, TextWriter stdout, TextWriter stderr)
    {
        if (file is null)
        {
            stdout.Write(report);
            return null;
        }
        if (ReportFile.Write(file, report) is { } unwritable)
        {
            Print([unwritable], stderr);
            return ExitCode.BadInput;
        }
        stdout.Write(summary);
        return null;
    }

    /// <summary>The options every command that verifies a whole site takes (build and check).</summary>
    public static void AddVerifying(Command command)
    {
        command.Add(Strict);
        command.Add(Timings);
        command.Add(NoCache);
        command.Add(Verbose);
        command.Add(Backend);
    }

    /// <summary>
    /// Builds (or checks) with --strict and --no-cache as given, its progress shown, then prints on standard error,
    /// under --verbose, where each run's outcome came from, and the diagnostics.
    /// </summary>
    public static BuildResult Verify(ParseResult args, BuildOptions options, TextWriter stderr)
    {
        var strict = args.GetValue(Strict);
        var result = ProgressDisplay.Build(options with { Strict = strict, UseCache = !args.GetValue(NoCache), Backend = BackendOf(args) }, stderr);
        if (args.GetValue(Verbose))
            foreach (var run in result.Runs) stderr.WriteLine(run);
        Print(result.Diagnostics, stderr, strict);
        return result;
    }

    /// <summary>Prints diagnostics with the severity they have under <paramref name="strict"/>, as the exit code counts them.</summary>
    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter w, bool strict = false)
    {
        foreach (var d in DiagnosticFormatter.InSourceOrder(diagnostics)) w.WriteLine(DiagnosticFormatter.Format(d, strict));
    }
}
