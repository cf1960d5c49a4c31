using System.CommandLine;
using Errata.Cli.CommandLine;
using Errata.Site.Building;
using Errata.Site.Reports;
using Errata.Site.Verification;

namespace Errata.Cli.Commands;

/// <summary>`errata run FILE`: run one document's scenarios and show what happened.</summary>
internal sealed class RunCommand : ErrataCommand
{
    private static readonly Option<string> Scenario = new("--scenario") { Description = "only the scenario with this name", HelpName = "NAME" };
    private static readonly Option<string> Profile = new("--profile") { Description = "only this profile", HelpName = "PROFILE" };
    private static readonly Option<bool> Json = new("--json") { Description = "print the runs as JSON (docs/guide/commands.md)" };
    private static readonly Option<bool> Trace = new("--trace") { Description = "print every instruction and event" };

    public RunCommand() : base("run", "run the scenarios of one document and show what happened (exit codes as check)",
        example: "errata run docs/gif.md --scenario gif-clear-holds-nmi --profile kvm --trace")
    {
        Add(CommonOptions.Document);
        Add(Scenario);
        Add(Profile);
        Add(Json);
        Add(Trace);
        Add(CommonOptions.Config);
        Add(CommonOptions.Backend);
    }

    public override ExitCode Execute(ParseResult args, TextWriter stdout, TextWriter stderr)
    {
        if (CommonOptions.DocumentAndConfig(args, stderr) is not (var file, var config, var sourceRoot))
            return ExitCode.BadInput;
        var result = DocumentRun.Run(file, config, args.GetValue(Scenario), new RunSelection(args.GetValue(Profile), args.GetValue(Trace), CommonOptions.BackendOf(args)), sourceRoot);
        CommonOptions.Print(result.Diagnostics, stderr);
        if (args.GetValue(Json)) stdout.Write(JsonReport.Write(result));
        else stdout.Write(TraceReport.Write(result.Scenarios));
        // Standard output is the runs (or their JSON); the verdict's summary goes beside the diagnostics.
        stderr.WriteLine(result.Summary);
        return result.ExitCode;
    }
}
