using System.CommandLine;
using System.Globalization;
using Errata.Cli.CommandLine;
using Errata.Diagnostics;
using Errata.Site.Building;
using Errata.Site.Serving;

namespace Errata.Cli.Commands;

/// <summary>`errata serve`: preview the site on 127.0.0.1, rebuilt on every save.</summary>
internal sealed class ServeCommand : ErrataCommand
{
    private static readonly Option<int> Port = new("--port")
    {
        Description = "the port on 127.0.0.1 and localhost",
        HelpName = "N",
        DefaultValueFactory = _ => 8000,
        CustomParser = result =>
        {
            var text = result.Tokens[^1].Value;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535) return port;
            result.AddError($"port '{text}' is not a number from 1 to 65535");
            return 0;
        },
    };

    public ServeCommand() : base("serve", "build, serve on 127.0.0.1, rebuild on save and reload open pages; runs until stopped (exit 2 if the port or the output folder is refused)",
        example: "errata serve --port 8080")
    {
        Add(CommonOptions.Config);
        Add(Port);
        Add(CommonOptions.Timings);
    }

    public override ExitCode Execute(ParseResult args, TextWriter stdout, TextWriter stderr)
    {
        var options = new BuildOptions(CommonOptions.ConfigPath(args)) { UseCache = true };
        // A folder the build may not replace is refused before listening: nothing could ever be served.
        var refused = SiteBuilder.CheckOutput(options);
        if (refused.Count > 0)
        {
            CommonOptions.Print(refused, stderr);
            return ExitCode.BadInput;
        }
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        using var server = new DevServer(options, args.GetValue(Port), stdout) { Timings = args.GetValue(CommonOptions.Timings) ? stderr : null };
        // The port first: a port in use is one line and exit 2, not a stack trace after a full build.
        if (server.Start() is { } error)
        {
            stderr.WriteLine($"errata serve: {DiagnosticFormatter.SeverityWord(error.Severity)} {error.Id}: {error.Message}");
            return ExitCode.BadInput;
        }
        // Rendering every page keeps each pool thread busy; a page's requests must not wait for the pool to grow.
        ThreadPool.GetMinThreads(out var workers, out var completion);
        ThreadPool.SetMinThreads(Math.Max(workers, 4 * Environment.ProcessorCount), completion);
        server.RunAsync(cancel.Token).GetAwaiter().GetResult();
        return ExitCode.Ok;
    }
}
