using System.CommandLine;
using Errata.Cli.CommandLine;
using Errata.Site.Building;

namespace Errata.Cli.Commands;

/// <summary>`errata build`: verify every scenario and render the site.</summary>
internal sealed class BuildCommand : ErrataCommand
{
    private static readonly Option<string> Output = new("--output") { Description = "the output folder (default: the config's output)", HelpName = "DIR" };

    public BuildCommand() : base("build", "verify every scenario and render the site (exit 0 all hold, 1 a claim fails, 2 bad input, 3 internal error)",
        example: "errata build --output public --strict")
    {
        Add(CommonOptions.Config);
        Add(Output);
        CommonOptions.AddVerifying(this);
    }

    public override ExitCode Execute(ParseResult args, TextWriter stdout, TextWriter stderr)
    {
        var result = CommonOptions.Verify(args, new BuildOptions(CommonOptions.ConfigPath(args), args.GetValue(Output), WriteSite: true), stderr);
        if (result.OutputFolder is { } folder)
        {
            stdout.WriteLine($"{result.Outcome.Summary} -> {SiteBuilder.Display(folder)}");
        }
        else
        {
            stderr.WriteLine(result.Outcome.Summary);
            stderr.WriteLine("build failed; the output folder was left as it was");
        }
        if (args.GetValue(CommonOptions.Timings)) stderr.WriteLine(result.Timings.Describe(rendered: true));
        return result.ExitCode;
    }
}
