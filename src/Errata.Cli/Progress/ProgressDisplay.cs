using Errata.Site.Building;
using Spectre.Console;

namespace Errata.Cli.Progress;

/// <summary>
/// Where a build's progress goes: always standard error, as standard output may carry a
/// report. Live bars when standard error is a terminal and no CI is declared; plain lines
/// otherwise, which logs keep readable.
/// </summary>
internal static class ProgressDisplay
{
    public const string CiVariable = "CI";

    /// <summary>Builds with progress shown on <paramref name="stderr"/>.</summary>
    public static BuildResult Build(BuildOptions options, TextWriter stderr)
    {
        if (!IsLive(ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected, Environment.GetEnvironmentVariable(CiVariable)))
            return SiteBuilder.Build(options with { Progress = new PlainProgress(stderr) });
        return Live(options, stderr);
    }

    // Apart from Build, so that a build without bars never loads Spectre.Console.
    private static BuildResult Live(BuildOptions options, TextWriter stderr) =>
        Live(options, AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) }));

    /// <summary>Builds with a bar per phase on <paramref name="console"/>, left on screen when done.</summary>
    internal static BuildResult Live(BuildOptions options, IAnsiConsole console)
    {
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new CountColumn(), new ElapsedTimeColumn())
            .Start(context => SiteBuilder.Build(options with { Progress = new LiveProgress(context) }));
    }

    /// <summary>Live bars only in a terminal outside CI: CI set to anything but `false` or `0` means a log is reading.</summary>
    public static bool IsLive(bool stderrIsTerminal, string? ci) =>
        stderrIsTerminal && (string.IsNullOrEmpty(ci) || ci is "false" or "0");
}
