using System.CommandLine;
using System.CommandLine.Invocation;

namespace Errata.Cli.CommandLine;

/// <summary>`--version`: the tool's version and the machine's build identity, which verdicts depend on.</summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(ToolVersion.Text);
        return 0;
    }
}
