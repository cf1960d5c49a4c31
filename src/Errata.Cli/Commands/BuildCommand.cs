using Errata.Cli.CommandLine;
using Errata.Site.Building;

namespace Errata.Cli.Commands;

/// <summary>`errata build`: verify every scenario and render the site.</summary>
internal sealed class BuildCommand : ICommand
{
    private static readonly OptionSpec Output = new("output", true, "the output folder (default: the config's output)");

    public string Name => "build";
    public string Summary => "verify every scenario and render the site";
    public string Usage => "[--config FILE] [--output DIR] [--strict] [--timings]";
    public IReadOnlyList<OptionSpec> Options { get; } = [CommonOptions.Config, Output, CommonOptions.Strict, CommonOptions.Timings];

    public ExitCode Execute(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        var strict = args.Flag(CommonOptions.Strict.Name);
        var result = SiteBuilder.Build(new BuildOptions(CommonOptions.ConfigPath(args), args.Value(Output.Name), WriteSite: true, Strict: strict));
        CommonOptions.Print(result.Diagnostics, stderr, strict);
        if (result.OutputFolder is { } folder)
        {
            stdout.WriteLine($"{result.Outcome.Summary} -> {SiteBuilder.Display(folder)}");
        }
        else
        {
            stderr.WriteLine(result.Outcome.Summary);
            stderr.WriteLine("build failed; the output folder was left as it was");
        }
        if (args.Flag(CommonOptions.Timings.Name)) stderr.WriteLine(result.Timings.Describe(rendered: true));
        return result.ExitCode;
    }
}
