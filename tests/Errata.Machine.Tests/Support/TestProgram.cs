using Errata.Machine;
using Errata.Machine.Events;
using Errata.Machine.Profiles;
using Iced.Intel;

namespace Errata.Machine.Tests.Support;

/// <summary>
/// A test scenario written with Iced's fluent assembler at <see cref="MemoryMap.CodeBase"/>:
/// code, handler overrides, injections, a guest entry and VMCB keys, run on a profile.
/// </summary>
internal sealed class TestProgram
{
    private readonly Dictionary<EventId, Label> _handlers = [];
    private readonly Dictionary<ulong, Label> _placed = [];
    private readonly List<(EventId Event, Label At)> _injections = [];
    private Label? _guest;
    private AssemblerResult? _assembled;
    private byte[]? _bytes;

    public Assembler Asm { get; } = new(64);

    public Dictionary<string, ulong> Vmcb { get; } = [];

    public long Budget { get; set; } = 10_000;

    public Label Label() => Asm.CreateLabel();

    /// <summary>Drops to CPL 3 with IRETQ (user code 0x33, user data 0x2B) and continues at <paramref name="target"/>.</summary>
    public TestProgram EnterUserMode(Label target)
    {
        var a = Asm;
        a.lea(AssemblerRegisters.rax, AssemblerRegisters.__[target]);
        a.push(0x2B);
        a.push(AssemblerRegisters.rsp);
        a.add(AssemblerRegisters.__qword_ptr[AssemblerRegisters.rsp], 8);
        a.pushfq();
        a.push(0x33);
        a.push(AssemblerRegisters.rax);
        a.iretq();
        return this;
    }

    /// <summary>Places <paramref name="label"/> at the current position.</summary>
    public TestProgram At(ref Label label)
    {
        Asm.Label(ref label);
        _placed[label.Id] = label;
        return this;
    }

    public TestProgram Handler(EventId id, Label at)
    {
        _handlers[id] = at;
        return this;
    }

    /// <summary>Places here a #DB handler that clears TF in the interrupted RFLAGS and returns: one single-step trap.</summary>
    public TestProgram SingleStepOnceHandler()
    {
        var handler = Label();
        At(ref handler);
        Asm.and(AssemblerRegisters.__qword_ptr[AssemblerRegisters.rsp + 16], ~0x100);
        Asm.iretq();
        return Handler(EventId.DebugException, handler);
    }

    public TestProgram Inject(EventId id, Label at)
    {
        _injections.Add((id, at));
        return this;
    }

    public TestProgram Guest(Label at)
    {
        _guest = at;
        return this;
    }

    public ulong Address(Label label)
    {
        Assemble();
        var placed = _placed.GetValueOrDefault(label.Id, label);
        return _assembled!.Value.GetLabelRIP(placed);
    }

    public MachineImage Image()
    {
        Assemble();
        return new MachineImage(
            [new MemoryBlock(MemoryMap.CodeBase, _bytes!)],
            MemoryMap.CodeBase,
            _handlers.ToDictionary(h => h.Key, h => Address(h.Value)),
            _guest is { } g ? Address(g) : null,
            _injections.Select(i => new Injection(i.Event, Address(i.At))).ToArray(),
            Budget)
        {
            Vmcb = Vmcb,
        };
    }

    public Outcome Run(string profile, bool trace = false, TimeSpan? timeout = null)
    {
        Assert.True(ProfileRegistry.TryGet(profile, out var p), profile);
        return X86Machine.Run(Image(), p, new RunOptions(trace, timeout));
    }

    private void Assemble()
    {
        if (_assembled is not null) return;
        var stream = new MemoryStream();
        _assembled = Asm.Assemble(new StreamCodeWriter(stream), MemoryMap.CodeBase, BlockEncoderOptions.ReturnNewInstructionOffsets);
        _bytes = stream.ToArray();
    }
}
