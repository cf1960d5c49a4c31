using Errata.Machine.Core;
using Iced.Intel;

namespace Errata.Machine.Tracing;

/// <summary>
/// Errata's observer of a run: one step per executed instruction, in Iced's NASM formatting.
/// Separate from the architectural debug facility; costs nothing when not attached.
/// </summary>
internal sealed class Tracer
{
    private readonly List<TraceStep> _steps = [];
    private readonly NasmFormatter _formatter = new();
    private readonly StringOutput _output = new();

    public IReadOnlyList<TraceStep> Steps => _steps;

    public void Step(Cpu cpu, in Instruction insn)
    {
        _formatter.Format(insn, _output);
        _steps.Add(new TraceStep(cpu.Instructions, insn.IP, _output.ToStringAndReset(), cpu.Platform.ScenarioInGuest));
    }

    /// <summary>One line per boundary decision about an event, so a trace shows why it was delivered, held or dropped.</summary>
    public void Fate(Cpu cpu, Events.EventRecord record, string fate) =>
        _steps.Add(new TraceStep(cpu.Instructions, cpu.Rip,
            $"; {record.Id.Name} ({record.Cause}) {fate}: {record.Rule.Id} [{record.Rule.Source}]", cpu.Platform.ScenarioInGuest));

    public static string Format(in Instruction insn)
    {
        var output = new StringOutput();
        new NasmFormatter().Format(insn, output);
        return output.ToStringAndReset();
    }
}
