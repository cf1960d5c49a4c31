namespace Errata.Cli.Tests;

/// <summary>Runs the `errata` entry point in-process from a working folder and captures what it prints.</summary>
internal static class CliRunner
{
    private static readonly Lock WorkingFolder = new();

    public static (int Exit, string Out, string Err) Run(string folder, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        // The working folder is process-wide: commands print paths relative to it.
        lock (WorkingFolder)
        {
            var previous = Environment.CurrentDirectory;
            Environment.CurrentDirectory = folder;
            try
            {
                return (EntryPoint.Run(args, stdout, stderr), stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Environment.CurrentDirectory = previous;
            }
        }
    }
}
