using Errata.Cli.CommandLine;
using Errata.Site.Building;
using Errata.Site.Reports;

namespace Errata.Cli.Commands;

/// <summary>`errata check`: verify every claim without writing a site.</summary>
internal sealed class CheckCommand : ICommand
{
    private static readonly OptionSpec Format = new("format", true, "text (default), json, junit or github");
    private static readonly OptionSpec Report = new("report", true, "write the report to this file instead of standard output (its folder is created)");
    private static readonly string[] Formats = ["text", "json", "junit", "github"];

    public string Name => "check";
    public string Summary => "verify every claim; no site is written (exit 0 all hold, 1 a claim fails, 2 bad input)";
    public string Usage => "[--config FILE] [--format text|json|junit|github] [--report FILE] [--strict] [--timings]";
    public IReadOnlyList<OptionSpec> Options { get; } = [CommonOptions.Config, Format, Report, CommonOptions.Strict, CommonOptions.Timings];

    public ExitCode Execute(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        var format = args.Value(Format.Name) ?? "text";
        if (!Formats.Contains(format))
        {
            stderr.WriteLine($"errata check: error: unknown format '{format}'; expected one of: {string.Join(", ", Formats)}");
            return ExitCode.BadInput;
        }
        var strict = args.Flag(CommonOptions.Strict.Name);
        var result = SiteBuilder.Build(new BuildOptions(CommonOptions.ConfigPath(args), WriteSite: false, Strict: strict));
        CommonOptions.Print(result.Diagnostics, stderr, strict);
        if (args.Flag(CommonOptions.Timings.Name)) stderr.WriteLine(result.Timings.Describe(rendered: false));
        var outcome = result.Outcome;
        var summary = outcome.Summary + "\n";
        var report = format switch
        {
            "json" => JsonReport.Write(outcome),
            "junit" => JunitReport.Write(outcome),
            "github" => GithubReport.Write(outcome),
            _ => summary,
        };
        if (args.Value(Report.Name) is { } file)
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
