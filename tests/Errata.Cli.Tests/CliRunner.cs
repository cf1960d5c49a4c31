using System.Text.RegularExpressions;

namespace Errata.Cli.Tests;

/// <summary>Runs the `errata` entry point in-process from a working folder and captures what it prints.</summary>
internal static partial class CliRunner
{
    private static readonly Lock WorkingFolder = new();

    public static (int Exit, string Out, string Err) Run(string folder, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        return InFolder(folder, () => (EntryPoint.Run(args, stdout, stderr), stdout.ToString(), stderr.ToString()));
    }

    /// <summary>Runs <paramref name="work"/> with <paramref name="folder"/> as the working folder, which is process-wide: commands print paths relative to it.</summary>
    public static T InFolder<T>(string folder, Func<T> work)
    {
        lock (WorkingFolder)
        {
            var previous = Environment.CurrentDirectory;
            Environment.CurrentDirectory = folder;
            try
            {
                return work();
            }
            finally
            {
                Environment.CurrentDirectory = previous;
            }
        }
    }

    /// <summary>Standard error without the plain progress lines `build` and `check` print (docs/guide/commands.md).</summary>
    public static string WithoutProgress(string stderr) => ProgressLine().Replace(stderr, "");

    [GeneratedRegex(@"^(?:(?:read|verified|wrote) \d+ (?:document|scenario|page)\(s\)|(?:reading|verifying|writing): \d+% of \d+ \w+\(s\))\n", RegexOptions.Multiline)]
    private static partial Regex ProgressLine();
}
