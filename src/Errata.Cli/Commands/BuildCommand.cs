using Errata.Cli.CommandLine;
using Errata.Site.Building;

namespace Errata.Cli.Commands;

/// <summary>`errata build`: verify every scenario and render the site.</summary>
internal sealed class BuildCommand : ICommand
{
    private static readonly OptionSpec Output = new("output", true, "the output folder (default: the config's output)");

    public string Name => "build";
    public string Summary => "verify every scenario and render the site";
    public string Usage => "[--config FILE] [--output DIR] [--strict]";
    public IReadOnlyList<OptionSpec> Options { get; } = [CommonOptions.Config, Output, CommonOptions.Strict];

    public int Execute(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        var strict = args.Flag(CommonOptions.Strict.Name);
        var result = SiteBuilder.Build(new BuildOptions(CommonOptions.ConfigPath(args), args.Value(Output.Name), WriteSite: true, Strict: strict));
        CommonOptions.Print(result.Diagnostics, stderr, strict);
        var verdicts = result.Scenarios.SelectMany(s => s.Verdicts).ToList();
        if (result.OutputFolder is { } folder)
            stdout.WriteLine($"built {result.Documents.Count} page(s), {result.Scenarios.Count} scenario(s), {verdicts.Count(v => v.Holds)} of {verdicts.Count} claim(s) hold -> {SiteBuilder.Display(folder)}");
        else
            stderr.WriteLine("build failed; the output folder was left as it was");
        return (int)result.ExitCode;
    }
}
