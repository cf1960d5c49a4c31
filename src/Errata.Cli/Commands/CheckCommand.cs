using System.CommandLine;
using Errata.Cli.CommandLine;
using Errata.Site.Building;
using Errata.Site.Reports;
using Errata.Site.Verification;

namespace Errata.Cli.Commands;

/// <summary>`errata check`: verify every claim without writing a site.</summary>
internal sealed class CheckCommand : ErrataCommand
{
    /// <summary>Each report format by its name on the command line; the first is the default.</summary>
    private static readonly Dictionary<string, Func<VerificationOutcome, string>> Formats = new()
    {
        ["text"] = outcome => outcome.Summary + "\n",
        ["json"] = JsonReport.Write,
        ["junit"] = JunitReport.Write,
        ["github"] = GithubReport.Write,
    };

    private static readonly Option<string> Format = new Option<string>("--format") { Description = "the report's format (default: text)", HelpName = string.Join("|", Formats.Keys) }.Words("format", Formats.Keys);
    private static readonly Option<string> Report = new("--report") { Description = "write the report to this file instead of standard output (its folder is created)", HelpName = "FILE" };

    public CheckCommand() : base("check", "verify every claim; no site is written (exit 0 all hold, 1 a claim fails, 2 bad input, 3 internal error)",
        example: "errata check --format junit --report out/claims.xml")
    {
        Add(CommonOptions.Config);
        Add(Format);
        Add(Report);
        Add(CommonOptions.Strict);
        Add(CommonOptions.Timings);
        Add(CommonOptions.Backend);
    }

    public override ExitCode Execute(ParseResult args, TextWriter stdout, TextWriter stderr)
    {
        var strict = args.GetValue(CommonOptions.Strict);
        var result = SiteBuilder.Build(new BuildOptions(CommonOptions.ConfigPath(args), WriteSite: false, Strict: strict)
        {
            Backend = CommonOptions.BackendOf(args),
        });
        CommonOptions.Print(result.Diagnostics, stderr, strict);
        if (args.GetValue(CommonOptions.Timings)) stderr.WriteLine(result.Timings.Describe(rendered: false));
        var summary = result.Outcome.Summary + "\n";
        var report = Formats[args.GetValue(Format) ?? Formats.Keys.First()](result.Outcome);
        if (args.GetValue(Report) is { } file)
        {
            if (ReportFile.Write(file, report) is { } unwritable)
            {
                CommonOptions.Print([unwritable], stderr);
                return ExitCode.BadInput;
            }
            stdout.Write(summary);
        }
        else
        {
            stdout.Write(report);
        }
        return result.ExitCode;
    }
}
