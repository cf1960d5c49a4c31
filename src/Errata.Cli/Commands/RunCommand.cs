using Errata.Cli.CommandLine;
using Errata.Site.Building;
using Errata.Site.Reports;

namespace Errata.Cli.Commands;

/// <summary>`errata run FILE`: run one document's scenarios and show what happened.</summary>
internal sealed class RunCommand : ICommand
{
    private static readonly OptionSpec Scenario = new("scenario", true, "only the scenario with this name");
    private static readonly OptionSpec Profile = new("profile", true, "only this profile");
    private static readonly OptionSpec Json = new("json", false, "print the runs as JSON");
    private static readonly OptionSpec Trace = new("trace", false, "print every instruction and event");

    public string Name => "run";
    public string Summary => "run the scenarios of one document";
    public string Usage => "FILE [--scenario NAME] [--profile P] [--json] [--trace] [--config FILE]";
    public IReadOnlyList<OptionSpec> Options { get; } = [Scenario, Profile, Json, Trace, CommonOptions.Config];

    public int Execute(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        if (CommonOptions.DocumentAndConfig(this, args, stderr) is not (var file, var config))
            return 2;
        var result = DocumentRun.Run(file, config, args.Value(Scenario.Name), args.Value(Profile.Name), args.Flag(Trace.Name));
        CommonOptions.Print(result.Diagnostics, stderr);
        if (args.Flag(Json.Name)) stdout.Write(JsonReport.Write(CheckOutcome.Of(result)));
        else stdout.Write(TraceReport.Write(result.Scenarios));
        return (int)result.ExitCode;
    }
}
