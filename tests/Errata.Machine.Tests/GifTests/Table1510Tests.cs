using Errata.Machine.Events;
using Errata.Machine.Tests.Support;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Machine.Tests.GifTests;

/// <summary>
/// One test per row of APM Table 15-10 (the rows an executable scenario can raise) per profile:
/// the event is raised at GIF=0 between CLGI and STGI; the profile decides its fate.
/// Rows not raisable by a scenario (RESET, internal SMI, #SX, A20M, STPCLK) are not modelled.
/// </summary>
public sealed class Table1510Tests
{
    /// <summary>What a row does at <c>target</c>, between CLGI and STGI.</summary>
    private sealed record Row(Action<TestProgram, Label> Setup, Action<TestProgram, Label> Trigger, EventId Event)
    {
        /// <summary>Runs after the instruction following the trigger, before STGI.</summary>
        public Action<TestProgram>? Cleanup { get; init; }
    }

    /// <summary>The expected fate on one profile.</summary>
    private sealed record Expect(Disposition Disposition, string RuleId, RunEnd End = RunEnd.Halted, string DeliveredBefore = "next", ulong? Dr6 = null);

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["instruction-breakpoint"] = new(
            (p, target) => Snippets.Arm(p.Asm, dr0, target, 0x401),
            (p, _) => p.Asm.nop(),
            EventId.DebugException),
        ["data-breakpoint"] = new(
            (p, target) =>
            {
                p.Asm.lea(rbx, __[rsp - 64]);
                p.Asm.mov(dr1, rbx);
                p.Asm.mov(rax, 0x00D0040AUL);
                p.Asm.mov(dr7, rax);
            },
            (p, _) => p.Asm.mov(__dword_ptr[rbx], eax),
            EventId.DebugException),
        ["single-step"] = new(
            (p, _) => { },
            (p, _) => Snippets.SetTrapFlag(p.Asm),
            EventId.DebugException) { Cleanup = p => Snippets.ClearTrapFlag(p.Asm) },
        ["init"] = new((p, target) => p.Inject(EventId.Init, target), (p, _) => p.Asm.nop(), EventId.Init),
        ["nmi"] = new((p, target) => p.Inject(EventId.Nmi, target), (p, _) => p.Asm.nop(), EventId.Nmi),
        ["external-smi"] = new((p, target) => p.Inject(EventId.Smi, target), (p, _) => p.Asm.nop(), EventId.Smi),
        ["intr"] = new(
            (p, _) => p.Asm.sti(),
            (p, _) => Snippets.SendSelf(p.Asm, deliveryMode: 0, vector: 0x40),
            EventId.Intr(0x40)),
        ["machine-check"] = new(
            (p, target) => p.Inject(EventId.Exception(18), target),
            (p, _) => p.Asm.nop(),
            EventId.Exception(18)),
    };

    private const string Kvm = "kvm.db-reinjected-without-gif-check";

    private static readonly Dictionary<(string Row, string Profile), Expect> Expected = new()
    {
        [("instruction-breakpoint", "apm")] = new(Disposition.Discarded, "gif0.discard-breakpoint-match"),
        [("instruction-breakpoint", "kvm")] = new(Disposition.Delivered, Kvm, DeliveredBefore: "target", Dr6: 0xFFFF0FF1),
        [("instruction-breakpoint", "kvm-novgif")] = new(Disposition.Delivered, Kvm, DeliveredBefore: "target", Dr6: 0xFFFF0FF1),
        [("data-breakpoint", "apm")] = new(Disposition.Discarded, "gif0.discard-breakpoint-match"),
        [("data-breakpoint", "kvm")] = new(Disposition.Delivered, Kvm, DeliveredBefore: "after", Dr6: 0xFFFF0FF2),
        [("data-breakpoint", "kvm-novgif")] = new(Disposition.Delivered, Kvm, DeliveredBefore: "after", Dr6: 0xFFFF0FF2),
        [("single-step", "apm")] = new(Disposition.Delivered, "gif0.deliver-single-step", DeliveredBefore: "after+1", Dr6: 0xFFFF4FF0),
        [("single-step", "kvm")] = new(Disposition.Delivered, Kvm, DeliveredBefore: "after+1", Dr6: 0xFFFF4FF0),
        [("single-step", "kvm-novgif")] = new(Disposition.Delivered, Kvm, DeliveredBefore: "after+1", Dr6: 0xFFFF4FF0),
        [("init", "apm")] = new(Disposition.DeliveredAfterPending, "gif0.hold-init", RunEnd.Reset),
        [("init", "kvm")] = new(Disposition.DeliveredAfterPending, "kvm.gif-set-holds-init", RunEnd.Reset, DeliveredBefore: "end"),
        [("init", "kvm-novgif")] = new(Disposition.DeliveredAfterPending, "kvm.gif-set-holds-init", RunEnd.Reset),
        [("nmi", "apm")] = new(Disposition.DeliveredAfterPending, "gif0.hold-nmi"),
        [("nmi", "kvm")] = new(Disposition.DeliveredAfterPending, "kvm.gif-set-holds-nmi"),
        [("nmi", "kvm-novgif")] = new(Disposition.DeliveredAfterPending, "kvm.gif-set-holds-nmi"),
        [("external-smi", "apm")] = new(Disposition.DeliveredAfterPending, "gif0.hold-smi"),
        [("external-smi", "kvm")] = new(Disposition.DeliveredAfterPending, "kvm.gif-set-holds-smi"),
        [("external-smi", "kvm-novgif")] = new(Disposition.DeliveredAfterPending, "kvm.gif-set-holds-smi"),
        [("intr", "apm")] = new(Disposition.DeliveredAfterPending, "gif0.hold-intr"),
        [("intr", "kvm")] = new(Disposition.DeliveredAfterPending, "kvm.gif-set-holds-intr"),
        [("intr", "kvm-novgif")] = new(Disposition.DeliveredAfterPending, "kvm.gif-set-holds-intr"),
        [("machine-check", "apm")] = new(Disposition.DeliveredAfterPending, "gif0.hold-machine-check"),
        [("machine-check", "kvm")] = new(Disposition.Delivered, "kvm.mc-not-gif-gated", DeliveredBefore: "target"),
        [("machine-check", "kvm-novgif")] = new(Disposition.Delivered, "kvm.mc-not-gif-gated", DeliveredBefore: "target"),
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (row, profile) in Expected.Keys) data.Add(row, profile);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Table1510Row_RaisedAtGifZero_MeetsItsFate(string row, string profile)
    {
        var r = Rows[row];
        var want = Expected[(row, profile)];
        var p = new TestProgram();
        var a = p.Asm;
        Label target = p.Label(), after = p.Label(), next = p.Label(), end = p.Label(), mc = p.Label();
        a.clgi();
        r.Setup(p, target);
        p.At(ref target);
        r.Trigger(p, target);
        p.At(ref after);
        a.nop();
        a.nop();
        r.Cleanup?.Invoke(p);
        a.stgi();
        p.At(ref next);
        a.nop();
        a.hlt();
        p.At(ref end);
        a.nop();
        p.At(ref mc);
        a.iretq();
        p.Handler(EventId.Exception(18), mc);

        var o = p.Run(profile);

        var info = o.Describe();
        var e = o.Of(r.Event).First();
        Assert.True(want.Disposition == e.Disposition, info);
        Assert.True(want.RuleId == e.Rule.Id, info);
        Assert.True(want.End == o.End, info);
        if (e.Disposition != Disposition.Discarded)
        {
            var before = want.DeliveredBefore switch
            {
                "target" => p.Address(target),
                "after" => p.Address(after),
                "after+1" => p.Address(after) + 1,
                "end" => p.Address(end),
                _ => p.Address(next),
            };
            Assert.True(before == e.DeliveredBefore, $"delivered before 0x{e.DeliveredBefore:x}, expected 0x{before:x}; {info}");
        }
        if (want.Dr6 is { } dr6) Assert.Equal(dr6, e.At("dr6"));
        if (e.Disposition == Disposition.Delivered || e.Disposition == Disposition.DeliveredAfterPending)
            Assert.Equal(want.DeliveredBefore is "next" or "end" ? 1UL : 0UL, e.At("gif"));
    }
}
