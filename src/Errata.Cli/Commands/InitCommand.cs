using System.CommandLine;
using Errata.Cli.CommandLine;
using Errata.Site.Building;
using Errata.Site.Scaffolding;

namespace Errata.Cli.Commands;

/// <summary>`errata init [DIR]`: start a new site (in the current folder when none is named) with verified examples.</summary>
internal sealed class InitCommand : ErrataCommand
{
    private static readonly Argument<string> Folder = new("DIR") { Description = "a new or empty folder (default: the current one)", Arity = ArgumentArity.ZeroOrOne };

    public InitCommand() : base("init", "create a new site with a verified example page in Markdown and one in RST (exit 0, or 2 if the folder is a file or not empty)",
        example: "errata init mysite")
    {
        Add(Folder);
    }

    public override ExitCode Execute(ParseResult args, TextWriter stdout, TextWriter stderr)
    {
        var folder = args.GetValue(Folder) ?? ".";
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
