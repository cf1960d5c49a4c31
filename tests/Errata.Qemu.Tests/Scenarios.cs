using Errata.Diagnostics;
using Errata.Documents.Syntax;
using Errata.Machine;
using Errata.Machine.Profiles;
using Errata.Qemu.Running;
using Errata.Scenarios.Running;

namespace Errata.Qemu.Tests;

/// <summary>Compiles scenario text and runs it on QEMU (TCG) and on the built-in machine.</summary>
internal static class Scenarios
{
    public static readonly QemuBackend Tcg = new(QemuAccel.Tcg);

    public static CompiledScenario Compile(string body)
    {
        var block = new ScenarioBlock
        {
            Name = "s",
            Span = new SourceSpan("doc.md", 9, 0, 3),
            Lines = body.Split('\n').Select((t, i) => new SourceLine(t, new SourceSpan("doc.md", 10 + i, 0, t.Length))).ToList(),
        };
        var bag = new DiagnosticBag();
        var compiled = ScenarioCompiler.Compile(block, ScenarioOptions.Default, bag);
        Assert.True(compiled is not null, string.Join("\n", bag.Items.Select(d => d.ToString())));
        return compiled!;
    }

    public static Outcome OnQemu(string body) => Tcg.Run(Compile(body).Image, Apm);

    public static Outcome BuiltIn(string body) => X86Machine.Run(Compile(body).Image, Apm);

    public static Profile Apm => ProfileRegistry.All.First(p => p.Name == "apm");

    public static Profile QemuTcg => ProfileRegistry.All.First(p => p.Name == "qemu-tcg");

    public static ulong Field(MachineState state, string name)
    {
        Assert.True(state.TryGet(name, out var value), $"{name} is not in the state");
        return value;
    }
}
