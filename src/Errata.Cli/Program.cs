using Errata.Cli.CommandLine;
using Errata.Cli.Commands;
using Errata.Site.Building;

return Errata.Cli.EntryPoint.Run(args, Console.Out, Console.Error);

namespace Errata.Cli
{
    /// <summary>The `errata` command: dispatches to one command; holds no logic of its own.</summary>
    public static class EntryPoint
    {
        private static readonly ICommand[] Commands = [new BuildCommand(), new CheckCommand(), new RunCommand(), new AcceptCommand(), new InitCommand(), new ServeCommand()];

        /// <summary>The process's exit code: the one place an <see cref="ExitCode"/> becomes a number.</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => (int)Dispatch(args, stdout, stderr);

        private static ExitCode Dispatch(string[] args, TextWriter stdout, TextWriter stderr)
        {
            if (args is ["--version"])
            {
                stdout.WriteLine(ToolVersion.Text);
                return 0;
            }
            if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
            {
                Usage(stdout);
                return args.Length == 0 ? ExitCode.BadInput : ExitCode.Ok;
            }
            var command = Commands.FirstOrDefault(c => c.Name == args[0]);
            if (command is null)
            {
                stderr.WriteLine($"errata: error: unknown command '{args[0]}'; expected one of: {string.Join(", ", Commands.Select(c => c.Name))}");
                return ExitCode.BadInput;
            }
            var parsed = Arguments.Parse(args[1..], command.Options);
            if (parsed.Error is { } error)
            {
                stderr.WriteLine($"errata {command.Name}: error: {error}");
                stderr.WriteLine($"usage: errata {command.Name} {command.Usage}");
                return ExitCode.BadInput;
            }
            try
            {
                return command.Execute(parsed, stdout, stderr);
            }
            catch (Exception e)
            {
                // A bug in Errata is neither a verdict nor bad input: exit 3, one line, no stack trace.
                return InternalError.Report(e, stderr);
            }
        }

        private static void Usage(TextWriter w)
        {
            w.WriteLine("usage: errata COMMAND [options]    (errata --version: the tool's and the machine's version)");
            foreach (var c in Commands) w.WriteLine($"  {c.Name,-6} {c.Summary}\n         errata {c.Name} {c.Usage}");
        }
    }
}
