using Errata.Machine;
using Errata.Machine.Profiles;
using Errata.Scenarios.Assembly;
using Errata.Scenarios.Syntax;

namespace Errata.Scenarios.Running;

/// <summary>A scenario ready to run: its syntax, assembled image, labels and the profiles it runs on.</summary>
public sealed record CompiledScenario(
    Scenario Syntax,
    AssemblyResult Assembly,
    MachineImage Image,
    IReadOnlyList<Profile> Profiles)
{
    /// <summary>The settings it was compiled with; its runs name document lines as they say.</summary>
    public ScenarioOptions Options { get; init; } = ScenarioOptions.Default;
}
