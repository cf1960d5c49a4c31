using Errata.Cli.CommandLine;
using Errata.Documents.Diagnostics;

namespace Errata.Cli.Commands;

/// <summary>Options and output shared by the commands.</summary>
internal static class CommonOptions
{
    public static readonly OptionSpec Config = new("config", true, "the site's configuration file (default: site.config.json)");
    public static readonly OptionSpec Strict = new("strict", false, "treat warnings as errors (exit 2)");

    public static string ConfigPath(Arguments args) => args.Value(Config.Name) ?? "site.config.json";

    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter w)
    {
        foreach (var d in diagnostics) w.WriteLine(DiagnosticFormatter.Format(d));
    }
}
