using System.CommandLine;
using System.CommandLine.Help;
using Errata.Cli.Commands;
using Errata.Site.Building;

namespace Errata.Cli.CommandLine;

/// <summary>
/// The `errata` command and its commands, built once: parsing only reads it, so every
/// invocation (tests run many at once) shares it.
/// </summary>
internal static class CommandTree
{
    public static Command Root { get; } = Build();

    private static Command Build()
    {
        // Not a RootCommand, which takes its name from the executable: help says `errata` however it is started.
        var helpOption = new HelpOption { Description = "show the help, with an example" };
        var help = new HelpWithExample((HelpAction)helpOption.Action!);
        helpOption.Action = help;
        var root = new Command("errata", "Errata: documents whose claims about x86 virtualization are scenarios verified on a built-in machine.")
        {
            helpOption,
            new VersionOption { Description = "print the tool's version and the machine's build identity", Action = new VersionAction() },
            new BuildCommand(), new CheckCommand(), new RunCommand(), new AcceptCommand(), new InitCommand(), new ServeCommand(), new MergeReportsCommand(),
        };
        root.Add(HelpCommand(root));
        // No command: the usage, and exit 2, since nothing was done.
        root.SetAction(parsed =>
        {
            help.Invoke(parsed);
            return (int)ExitCode.BadInput;
        });
        return root;
    }

    /// <summary>`errata help [COMMAND]`, as `errata [COMMAND] --help`: the word many tools take.</summary>
    private static Command HelpCommand(Command root)
    {
        var topic = new Argument<string>("COMMAND") { Arity = ArgumentArity.ZeroOrOne };
        var help = new Command("help", "show the help of errata or of one command") { Hidden = true };
        help.Add(topic);
        help.SetAction(parsed =>
        {
            var name = parsed.GetValue(topic);
            if (name is null) return root.Parse(["--help"]).Invoke(parsed.InvocationConfiguration);
            if (root.Subcommands.Any(c => c.Name == name && !c.Hidden)) return root.Parse([name, "--help"]).Invoke(parsed.InvocationConfiguration);
            parsed.InvocationConfiguration.Error.WriteLine($"errata help: error: {UsageErrors.UnknownCommand(name, root)}");
            return (int)ExitCode.BadInput;
        });
        return help;
    }
}
