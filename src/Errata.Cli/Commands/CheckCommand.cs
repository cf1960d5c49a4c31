using Errata.Cli.CommandLine;
using Errata.Site.Building;

namespace Errata.Cli.Commands;

/// <summary>`errata check`: verify every claim without writing a site.</summary>
internal sealed class CheckCommand : ICommand
{
    public string Name => "check";
    public string Summary => "verify every claim; no site is written (exit 0 all hold, 1 a claim fails, 2 bad input)";
    public string Usage => "[--config FILE] [--strict]";
    public IReadOnlyList<OptionSpec> Options { get; } = [CommonOptions.Config, CommonOptions.Strict];

    public int Execute(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        var result = SiteBuilder.Build(new BuildOptions(CommonOptions.ConfigPath(args), WriteSite: false, Strict: args.Flag(CommonOptions.Strict.Name)));
        CommonOptions.Print(result.Diagnostics, stderr);
        var verdicts = result.Scenarios.SelectMany(s => s.Verdicts).ToList();
        stdout.WriteLine($"{verdicts.Count(v => v.Holds)} of {verdicts.Count} claim(s) hold in {result.Scenarios.Count} scenario(s) of {result.Documents.Count} document(s)");
        return (int)result.ExitCode;
    }
}
