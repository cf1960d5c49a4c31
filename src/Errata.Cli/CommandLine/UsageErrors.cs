using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Errata.Site.Config;

namespace Errata.Cli.CommandLine;

/// <summary>
/// What a command line got wrong, on standard error as `errata COMMAND: error: ...`, each
/// unknown word with the closest known option or command, and where to find the command's
/// help. The caller exits 2.
/// </summary>
internal static class UsageErrors
{
    /// <summary>Prints the command line's errors; false when it has none.</summary>
    public static bool Report(ParseResult parsed, IReadOnlyList<string> args, TextWriter stderr)
    {
        var command = parsed.CommandResult.Command;
        var messages = UnknownOptions(command, CommandTree.Root, args);
        // An unknown option explains what follows it (its value is then an extra word): it alone is reported.
        if (messages.Count == 0)
        {
            foreach (var token in parsed.UnmatchedTokens)
                messages.Add(command == CommandTree.Root ? UnknownCommand(token, command) : $"unexpected argument '{token}'");
            foreach (var error in parsed.Errors)
                if (!parsed.UnmatchedTokens.Any(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal)))
                    messages.Add(Missing(error) ?? Sentence(error.Message));
        }
        if (messages.Count == 0) return false;
        var name = command == CommandTree.Root ? "errata" : $"errata {command.Name}";
        foreach (var m in messages.Distinct()) stderr.WriteLine($"{name}: error: {m}");
        stderr.WriteLine(command == CommandTree.Root ? "run 'errata --help' for the commands" : $"run '{name} --help' for its options and an example");
        return true;
    }

    /// <summary>
    /// Every word that looks like an option and is none of the command's: including one the
    /// parser took as an argument (`errata run -config x` would read `-config` as FILE).
    /// </summary>
    private static List<string> UnknownOptions(Command command, Command root, IReadOnlyList<string> args)
    {
        var options = command.Options.Concat(command == root ? [] : root.Options.Where(o => o.Recursive)).ToList();
        var names = options.SelectMany(o => o.Aliases.Prepend(o.Name)).ToList();
        var unknown = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--") break;
            if (!LooksLikeOption(arg)) continue;
            var name = arg.Split('=', 2)[0];
            var option = options.FirstOrDefault(o => o.Name == name || o.Aliases.Contains(name));
            if (option is null) unknown.Add($"unknown option '{name}'{Suggestion(name, names)}");
            // The option's value is a word of its own: `--scenario -x` names a scenario.
            else if (option.Arity.MinimumNumberOfValues > 0 && !arg.Contains('=')) i++;
        }
        return unknown;
    }

    private static bool LooksLikeOption(string arg) =>
        arg.Length > 1 && arg[0] == '-' && !double.TryParse(arg, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    public static string UnknownCommand(string word, Command root)
    {
        var commands = root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        return $"unknown command '{word}'{Suggestion(word, commands)}; expected one of: {string.Join(", ", commands)}";
    }

    private static string Suggestion(string typed, IEnumerable<string> known) =>
        ClosestName.Find(typed, known) is { } closest ? $" (did you mean '{closest}'?)" : "";

    /// <summary>A word the command line lacks, said with the name its help gives it; null for any other error.</summary>
    private static string? Missing(ParseError error) => error.SymbolResult switch
    {
        OptionResult { Tokens.Count: 0 } o => NeedsValue(o.Option),
        ArgumentResult { Tokens.Count: 0, Parent: OptionResult o } => NeedsValue(o.Option),
        ArgumentResult { Tokens.Count: 0 } a => Expected(a.Argument),
        CommandResult c when c.Command.Arguments.FirstOrDefault(a => a.Arity.MinimumNumberOfValues > 0 && c.GetResult(a) is not { Tokens.Count: > 0 }) is { } a => Expected(a),
        _ => null,
    };

    private static string NeedsValue(Option option) => $"option '{option.Name}' needs a value ({option.HelpName ?? "VALUE"})";

    private static string Expected(Argument argument) => $"expected {argument.Name}, {argument.Description}";

    /// <summary>System.CommandLine's sentence as the rest of errata's messages read: lower case, no full stop.</summary>
    private static string Sentence(string message) =>
        message.Length == 0 ? message : char.ToLowerInvariant(message[0]) + message[1..].TrimEnd('.');
}
