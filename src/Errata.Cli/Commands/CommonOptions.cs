using Errata.Cli.CommandLine;
using Errata.Diagnostics;
using Errata.Site.Building;
using Errata.Site.Config;

namespace Errata.Cli.Commands;

/// <summary>Options and output shared by the commands.</summary>
internal static class CommonOptions
{
    public static readonly OptionSpec Config = new("config", true, "the site's configuration file (default: site.config.json)");
    public static readonly OptionSpec Strict = new("strict", false, "treat warnings as errors (exit 2)");
    public static readonly OptionSpec Timings = new("timings", false, "print how long reading, verifying and rendering took (on standard error)");

    public static string ConfigPath(Arguments args) => args.Value(Config.Name) ?? "site.config.json";

    /// <summary>The site's config when there is one; a file named with --config must exist, otherwise the defaults apply.</summary>
    public static SiteConfig LoadConfigIfAny(Arguments args, DiagnosticBag bag)
    {
        var path = ConfigPath(args);
        return File.Exists(path) || args.Value(Config.Name) is not null
            ? SiteConfigLoader.Load(path, SiteBuilder.Display(Path.GetFullPath(path)), bag)
            : new SiteConfig();
    }

    /// <summary>
    /// The one document a command works on and the config around it, or null after
    /// printing why not (the caller exits 2).
    /// </summary>
    public static (string File, SiteConfig Config)? DocumentAndConfig(ICommand command, Arguments args, TextWriter stderr)
    {
        if (args.Positional.Count != 1)
        {
            stderr.WriteLine($"errata {command.Name}: error: expected one document\nusage: errata {command.Name} {command.Usage}");
            return null;
        }
        var bag = new DiagnosticBag();
        var config = LoadConfigIfAny(args, bag);
        if (!bag.HasErrors) return (args.Positional[0], config);
        Print(bag.Items, stderr);
        return null;
    }

    /// <summary>Prints diagnostics with the severity they have under <paramref name="strict"/>, as the exit code counts them.</summary>
    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter w, bool strict = false)
    {
        foreach (var d in DiagnosticFormatter.InSourceOrder(diagnostics)) w.WriteLine(DiagnosticFormatter.Format(d, strict));
    }
}
