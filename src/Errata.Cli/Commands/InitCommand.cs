using Errata.Cli.CommandLine;
using Errata.Site.Building;
using Errata.Site.Scaffolding;

namespace Errata.Cli.Commands;

/// <summary>`errata init [DIR]`: start a new site (in the current folder when none is named) with verified examples.</summary>
internal sealed class InitCommand : ICommand
{
    public string Name => "init";
    public string Summary => "create a new site with a verified example page in Markdown and one in RST";
    public string Usage => "[DIR]";
    public IReadOnlyList<OptionSpec> Options { get; } = [];

    public ExitCode Execute(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Positional.Count > 1)
        {
            stderr.WriteLine($"errata init: error: expected at most one folder\nusage: errata init {Usage}");
            return ExitCode.BadInput;
        }
        var folder = args.Positional.Count == 1 ? args.Positional[0] : ".";
        var diagnostics = SiteScaffold.Create(folder);
        CommonOptions.Print(diagnostics, stderr);
        if (diagnostics.Count > 0) return ExitCode.BadInput;
        var build = folder == "." ? "errata build" : $"cd {folder} && errata build";
        stdout.WriteLine($"created a site in {(folder == "." ? "this folder" : folder)}; build it with: {build}");
        stdout.WriteLine($"the theme is built in; a templates/ folder overrides any of its files by name");
        stdout.WriteLine(SiteScaffold.LedgerAdvice);
        return ExitCode.Ok;
    }
}
