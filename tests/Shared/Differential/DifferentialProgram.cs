using Errata.Diagnostics;
using Errata.Documents.Syntax;
using Errata.Machine;
using Errata.Scenarios.Running;

namespace Errata.Testing.Differential;

/// <summary>
/// A scenario a differential run compares: its text (so a disagreement can be shown as a
/// scenario a user can read and run) and the image compiled from it.
/// </summary>
internal sealed record DifferentialProgram(string Name, IReadOnlyList<string> Lines, MachineImage Image)
{
    /// <summary>Compiles a scenario body; a body the compiler rejects is a generator's bug, so it throws.</summary>
    public static DifferentialProgram Compile(string name, IReadOnlyList<string> lines)
    {
        var file = name + ".md";
        var block = new ScenarioBlock
        {
            Name = name,
            Span = new SourceSpan(file, 0, 0, 3),
            Lines = lines.Select((t, i) => new SourceLine(t, new SourceSpan(file, i + 1, 0, t.Length))).ToList(),
        };
        var bag = new DiagnosticBag();
        var compiled = ScenarioCompiler.Compile(block, ScenarioOptions.Default, bag);
        return compiled is not null
            ? new DifferentialProgram(name, lines, compiled.Image)
            : throw new InvalidOperationException(
                $"{name} does not compile:\n{string.Join("\n", bag.Items.Select(d => d.ToString()))}\n{string.Join("\n", lines)}");
    }

    /// <summary>The scenario as a Markdown block a user can paste, the disagreements found as comments at its top.</summary>
    public string Describe(IEnumerable<Disagreement> disagreements) =>
        string.Join("\n", [$"```scenario {Name}", .. disagreements.Select(d => "; " + d), .. Lines, "```"]);
}
