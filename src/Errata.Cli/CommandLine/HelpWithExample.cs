using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Errata.Cli.CommandLine;

/// <summary>`--help` and `-h`: System.CommandLine's help, then the command's example, on standard output.</summary>
internal sealed class HelpWithExample(HelpAction standard) : SynchronousCommandLineAction
{
    // Help is read in terminals and in logs alike: a fixed width keeps it the same in both.
    private const int Width = 100;

    public override int Invoke(ParseResult parseResult)
    {
        standard.MaxWidth = Width;
        standard.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        if (parseResult.CommandResult.Command is ErrataCommand command)
        {
            output.WriteLine("Example:");
            output.WriteLine($"  {command.Example}");
            output.WriteLine();
        }
        else
        {
            output.WriteLine("Run 'errata COMMAND --help' for a command's options and an example.");
        }
        return 0;
    }
}
