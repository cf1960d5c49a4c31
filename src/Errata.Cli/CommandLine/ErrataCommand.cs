using System.CommandLine;
using Errata.Site.Building;

namespace Errata.Cli.CommandLine;

/// <summary>
/// One `errata` command: its options and arguments (added in its constructor, one line each),
/// what it does, an example its help shows, and what it runs once the command line is read.
/// </summary>
internal abstract class ErrataCommand : Command
{
    protected ErrataCommand(string name, string description, string example) : base(name, description)
    {
        Example = example;
        SetAction(parsed => (int)Execute(parsed, parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
    }

    /// <summary>A whole command line, shown under `Example:` in the command's help.</summary>
    public string Example { get; }

    public abstract ExitCode Execute(ParseResult args, TextWriter stdout, TextWriter stderr);
}
