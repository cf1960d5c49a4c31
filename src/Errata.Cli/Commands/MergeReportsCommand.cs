using System.CommandLine;
using Errata.Cli.CommandLine;
using Errata.Diagnostics;
using Errata.Site.Building;
using Errata.Site;
using Errata.Site.Reports;
using Errata.Site.Verification;

namespace Errata.Cli.Commands;

/// <summary>
/// `errata merge-reports`: the reports of a sharded check (json, sarif or junit, all of one
/// format) merged into the report one check of the whole site writes; exits as that check would.
/// </summary>
internal sealed class MergeReportsCommand : ErrataCommand
{
    private static readonly Argument<string[]> Files = new("FILE") { Description = "the reports to merge, all of one format", Arity = ArgumentArity.OneOrMore };
    private static readonly Option<string> Report = new("--report") { Description = "write the merged report to this file instead of standard output (its folder is created)", HelpName = "FILE" };

    public MergeReportsCommand() : base("merge-reports", "merge the json, sarif or junit reports of check's shards into one (exit 0 all hold, 1 a claim fails, 2 bad input)",
        example: "errata merge-reports --report errata.sarif shard-*/errata.sarif")
    {
        Add(Files);
        Add(Report);
    }

    public override ExitCode Execute(ParseResult args, TextWriter stdout, TextWriter stderr)
    {
        var bag = new DiagnosticBag();
        var reports = new List<(string, string)>();
        foreach (var file in args.GetRequiredValue(Files))
        {
            try
            {
                reports.Add((file, File.ReadAllText(file)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                bag.Add(SiteErrors.UnreadableReport, SourceSpan.None(file), file, e.Message);
            }
        }
        var merged = bag.HasErrors ? null : ReportMerge.Merge(reports, bag);
        if (merged is null)
        {
            CommonOptions.Print(bag.Items, stderr);
            return ExitCode.BadInput;
        }
        var summary = $"merged {reports.Count} report(s): {VerificationOutcome.WordOf(merged.ExitCode)}\n";
        return CommonOptions.Deliver(args.GetValue(Report), merged.Text, summary, stdout, stderr) ?? merged.ExitCode;
    }
}
