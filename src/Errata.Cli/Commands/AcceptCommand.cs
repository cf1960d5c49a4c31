using Errata.Cli.CommandLine;
using Errata.Site.Accepting;
using Errata.Site.Building;

namespace Errata.Cli.Commands;

/// <summary>
/// `errata accept FILE`: bring a document's expect lines in line with what its scenarios
/// observed. The diff goes to standard output, so it can be saved or piped as a patch;
/// what accept did goes to standard error.
/// </summary>
internal sealed class AcceptCommand : ICommand
{
    private static readonly OptionSpec Scenario = new("scenario", true, "only the scenario with this name");
    private static readonly OptionSpec AddMissing = new("add-missing", false, "also add observed events and ends no claim speaks about");
    private static readonly OptionSpec DryRun = new("dry-run", false, "print the diff and write nothing");

    public string Name => "accept";
    public string Summary => "rewrite failing expect lines to what was observed and print the diff";
    public string Usage => "FILE [--scenario NAME] [--add-missing] [--dry-run] [--config FILE]";
    public IReadOnlyList<OptionSpec> Options { get; } = [Scenario, AddMissing, DryRun, CommonOptions.Config];

    public ExitCode Execute(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        if (CommonOptions.DocumentAndConfig(this, args, stderr) is not (var file, var config))
            return ExitCode.BadInput;
        var result = Acceptor.Accept(file, config, new AcceptOptions(args.Value(Scenario.Name), args.Flag(AddMissing.Name)));
        CommonOptions.Print(result.Diagnostics, stderr);
        if (result.NewText is null) return result.ExitCode;

        stdout.Write(result.Diff);
        var dryRun = args.Flag(DryRun.Name);
        if (!dryRun) Acceptor.Write(file, result);
        stderr.WriteLine($"observed: {result.Observed.Summary}");
        var what = !result.Changed ? "nothing to change" : dryRun ? "dry run, nothing written" : "written";
        stderr.WriteLine($"accepted {result.Accepted.Count} scenario(s) in {SiteBuilder.Display(Path.GetFullPath(file))} ({what}): {string.Join(", ", result.Accepted)}");
        return result.ExitCode;
    }
}
