using Errata.Cli.CommandLine;

namespace Errata.Cli.Commands;

public interface ICommand
{
    string Name { get; }
    string Summary { get; }
    string Usage { get; }
    IReadOnlyList<OptionSpec> Options { get; }
    int Execute(Arguments args, TextWriter stdout, TextWriter stderr);
}
