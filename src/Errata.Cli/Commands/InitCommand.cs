using Errata.Cli.CommandLine;
using Errata.Site.Building;
using Errata.Site.Scaffolding;

namespace Errata.Cli.Commands;

/// <summary>`errata init DIR`: start a new site with one verified example.</summary>
internal sealed class InitCommand : ICommand
{
    public string Name => "init";
    public string Summary => "create a new site with the default theme and one verified example";
    public string Usage => "DIR";
    public IReadOnlyList<OptionSpec> Options { get; } = [];

    public ExitCode Execute(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Positional.Count != 1)
        {
            stderr.WriteLine($"errata init: error: expected one folder\nusage: errata init {Usage}");
            return ExitCode.BadInput;
        }
        var diagnostics = SiteScaffold.Create(args.Positional[0]);
        CommonOptions.Print(diagnostics, stderr);
        if (diagnostics.Count > 0) return ExitCode.BadInput;
        stdout.WriteLine($"created a site in {args.Positional[0]}; build it with: cd {args.Positional[0]} && errata build");
        return ExitCode.Ok;
    }
}
