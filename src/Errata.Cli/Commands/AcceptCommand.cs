using Errata.Cli.CommandLine;
using Errata.Site.Accepting;
using Errata.Site.Building;

namespace Errata.Cli.Commands;

/// <summary>`errata accept FILE`: write the observed outcome back into the document as expect lines.</summary>
internal sealed class AcceptCommand : ICommand
{
    private static readonly OptionSpec Scenario = new("scenario", true, "only the scenario with this name");

    public string Name => "accept";
    public string Summary => "write observed outcomes into a document as expect lines";
    public string Usage => "FILE [--scenario NAME] [--config FILE]";
    public IReadOnlyList<OptionSpec> Options { get; } = [Scenario, CommonOptions.Config];

    public int Execute(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        if (CommonOptions.DocumentAndConfig(this, args, stderr) is not (var file, var config))
            return 2;
        var result = Acceptor.Accept(file, config, args.Value(Scenario.Name));
        CommonOptions.Print(result.Diagnostics, stderr);
        if (result.NewText is { } text)
        {
            File.WriteAllText(file, text);
            stdout.WriteLine($"accepted {result.Accepted.Count} scenario(s) in {SiteBuilder.Display(Path.GetFullPath(file))}: {string.Join(", ", result.Accepted)}");
        }
        return (int)result.ExitCode;
    }
}
