using System.CommandLine;
using Errata.Cli.CommandLine;
using Errata.Machine.Profiles;
using Errata.Site.Building;
using Errata.Site.Reports;
using Errata.Site.Verification;

namespace Errata.Cli.Commands;

/// <summary>`errata check`: verify every claim (or those the filters select) without writing a site.</summary>
internal sealed class CheckCommand : ErrataCommand
{
    /// <summary>Each report format by its name on the command line.</summary>
    private static readonly Dictionary<string, Func<VerificationOutcome, string>> Formats = new()
    {
        ["text"] = outcome => outcome.Summary + "\n",
        ["json"] = JsonReport.Write,
        ["junit"] = JunitReport.Write,
        ["github"] = GithubReport.Write,
        ["sarif"] = SarifReport.Write,
    };

    private static readonly Option<string> Format = new Option<string>("--format") { Description = "the report's format", HelpName = string.Join("|", Formats.Keys), DefaultValueFactory = _ => "text" }.Words("format", Formats.Keys);
    private static readonly Option<string> Report = new("--report") { Description = "write the report to this file instead of standard output (its folder is created)", HelpName = "FILE" };
    private static readonly Option<string[]> Paths = new("--path") { Description = "only scenarios of documents matching this glob or folder/file prefix (repeatable)", HelpName = "GLOB" };
    private static readonly Option<string[]> Names = new("--scenario") { Description = "only scenarios of this name; * and ? match any text and one character (repeatable)", HelpName = "NAME" };
    private static readonly Option<string[]> Profiles = new Option<string[]>("--profile") { Description = "only runs on this profile (repeatable)", HelpName = "PROFILE" }
        .EachOf("profile", ProfileRegistry.All.Select(p => p.Name).ToList());
    private static readonly Option<bool> FailFast = new("--fail-fast") { Description = "stop after the first scenario, in document order, with a claim that fails" };
    private static readonly Option<Shard?> ShardOption = new("--shard")
    {
        Description = "only part INDEX of COUNT (from 1): every scenario is in exactly one part, for a CI matrix; merge the reports with errata merge-reports",
        HelpName = "INDEX/COUNT",
        CustomParser = result =>
        {
            var text = result.Tokens[^1].Value;
            if (Shard.Parse(text) is { } shard) return shard;
            result.AddError($"shard '{text}' is not INDEX/COUNT with 1 <= INDEX <= COUNT");
            return null;
        },
    };
    private static readonly Option<bool> Mutate = new("--mutate") { Description = "also run each scenario with each rule that decided one of its events inverted; report claims that cannot fail (exit 1)" };

    public CheckCommand() : base("check", "verify every claim; no site is written (exit 0 all hold, 1 a claim fails, 2 bad input, 3 internal error)",
        example: "errata check --format sarif --report out/errata.sarif --shard 1/4")
    {
        Add(CommonOptions.Config);
        Add(Format);
        Add(Report);
        Add(Paths);
        Add(Names);
        Add(Profiles);
        Add(FailFast);
        Add(ShardOption);
        Add(Mutate);
        CommonOptions.AddVerifying(this);
    }

    public override ExitCode Execute(ParseResult args, TextWriter stdout, TextWriter stderr)
    {
        var result = CommonOptions.Verify(args, new BuildOptions(CommonOptions.ConfigPath(args), WriteSite: false)
        {
            Filter = new ScenarioFilter { Paths = args.GetValue(Paths) ?? [], Names = args.GetValue(Names) ?? [], Shard = args.GetValue(ShardOption) },
            Selection = RunSelection.All with { Profiles = args.GetValue(Profiles) ?? [], FailFast = args.GetValue(FailFast) },
            Mutate = args.GetValue(Mutate),
        }, stderr);
        if (args.GetValue(CommonOptions.Timings)) stderr.WriteLine(result.Timings.Describe(rendered: false));
        var summary = result.Outcome.Summary + "\n";
        var report = Formats[args.GetRequiredValue(Format)](result.Outcome);
        return CommonOptions.Deliver(args.GetValue(Report), report, summary, stdout, stderr) ?? result.ExitCode;
    }
}
