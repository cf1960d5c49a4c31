using Errata.Cli.CommandLine;
using Errata.Site.Building;

namespace Errata.Cli.Commands;

public interface ICommand
{
    string Name { get; }
    string Summary { get; }
    string Usage { get; }
    IReadOnlyList<OptionSpec> Options { get; }
    ExitCode Execute(Arguments args, TextWriter stdout, TextWriter stderr);
}
