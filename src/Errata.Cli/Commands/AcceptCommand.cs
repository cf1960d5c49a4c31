using System.CommandLine;
using Errata.Cli.CommandLine;
using Errata.Site.Accepting;
using Errata.Site.Building;

namespace Errata.Cli.Commands;

/// <summary>
/// `errata accept FILE`: bring a document's expect lines in line with what its scenarios
/// observed. The diff goes to standard output, so it can be saved or piped as a patch;
/// what accept did goes to standard error.
/// </summary>
internal sealed class AcceptCommand : ErrataCommand
{
    private static readonly Option<string> Scenario = new("--scenario") { Description = "only the scenario with this name", HelpName = "NAME" };
    private static readonly Option<bool> AddMissing = new("--add-missing") { Description = "also add observed events and ends no claim speaks about" };
    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "print the diff and write nothing" };

    public AcceptCommand() : base("accept", "rewrite failing expect lines to what was observed and print the diff (exit 0, or 2 on bad input)",
        example: "errata accept docs/gif.md --dry-run > change.patch")
    {
        Add(CommonOptions.Document);
        Add(Scenario);
        Add(AddMissing);
        Add(DryRun);
        Add(CommonOptions.Config);
    }

    public override ExitCode Execute(ParseResult args, TextWriter stdout, TextWriter stderr)
    {
        if (CommonOptions.DocumentAndConfig(args, stderr) is not (var file, var config, var sourceRoot))
            return ExitCode.BadInput;
        var result = Acceptor.Accept(file, config, new AcceptOptions(args.GetValue(Scenario), args.GetValue(AddMissing), sourceRoot));
        CommonOptions.Print(result.Diagnostics, stderr);
        if (result.NewText is null) return result.ExitCode;

        stdout.Write(result.Diff);
        var dryRun = args.GetValue(DryRun);
        if (!dryRun) Acceptor.Write(file, result);
        stderr.WriteLine($"observed: {result.Observed.Summary}");
        var what = !result.Changed ? "nothing to change" : dryRun ? "dry run, nothing written" : "written";
        stderr.WriteLine($"accepted {result.Accepted.Count} scenario(s) in {SiteBuilder.Display(Path.GetFullPath(file))} ({what}): {string.Join(", ", result.Accepted)}");
        return result.ExitCode;
    }
}
