using System.CommandLine;
using System.CommandLine.Invocation;
using Errata.Cli.CommandLine;
using Errata.Site.Building;

return Errata.Cli.EntryPoint.Run(args, Console.Out, Console.Error);

namespace Errata.Cli
{
    /// <summary>The `errata` command: reads the command line and runs one command; holds no logic of its own.</summary>
    public static class EntryPoint
    {
        /// <summary>The process's exit code: the one place an <see cref="ExitCode"/> becomes a number.</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        {
            var parsed = CommandTree.Root.Parse(args);
            // Help shows despite other words, as it would be asked for to mend them; anything else the line got wrong stops here.
            if (parsed.Action is not HelpWithExample && UsageErrors.Report(parsed, args, stderr))
                return (int)ExitCode.BadInput;
            try
            {
                return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
            }
            catch (Exception e)
            {
                // A bug in Errata is neither a verdict nor bad input: exit 3, one line, no stack trace.
                return (int)InternalError.Report(e, stderr);
            }
        }
    }
}
