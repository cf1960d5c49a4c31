using Errata.Cli.CommandLine;
using Errata.Diagnostics;
using Errata.Site.Building;
using Errata.Site.Serving;

namespace Errata.Cli.Commands;

/// <summary>`errata serve`: preview the site on 127.0.0.1, rebuilt on every save.</summary>
internal sealed class ServeCommand : ICommand
{
    private static readonly OptionSpec Port = new("port", true, "the port on 127.0.0.1 and localhost (default 8000)");

    public string Name => "serve";
    public string Summary => "build, serve on 127.0.0.1, rebuild on save and reload open pages; runs until stopped";
    public string Usage => "[--config FILE] [--port N]";
    public IReadOnlyList<OptionSpec> Options { get; } = [CommonOptions.Config, Port];

    public ExitCode Execute(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        var options = new BuildOptions(CommonOptions.ConfigPath(args));
        // A folder the build may not replace is refused before listening: nothing could ever be served.
        var refused = SiteBuilder.CheckOutput(options);
        if (refused.Count > 0)
        {
            CommonOptions.Print(refused, stderr);
            return ExitCode.BadInput;
        }
        var portText = args.Value(Port.Name) ?? "8000";
        if (!int.TryParse(portText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            stderr.WriteLine($"errata serve: error: port '{portText}' is not a number from 1 to 65535");
            return ExitCode.BadInput;
        }
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        using var server = new DevServer(options, port, stdout);
        // The port first: a port in use is one line and exit 2, not a stack trace after a full build.
        if (server.Start() is { } error)
        {
            stderr.WriteLine($"errata serve: {DiagnosticFormatter.SeverityWord(error.Severity)} {error.Id}: {error.Message}");
            return ExitCode.BadInput;
        }
        server.RunAsync(cancel.Token).GetAwaiter().GetResult();
        return ExitCode.Ok;
    }
}
