using Errata.Machine;
using Errata.Machine.Events;

namespace Errata.Qemu.Tests;

/// <summary>
/// The qemu-tcg rules for STI, VMRUN and a guest's INT3, each program run on QEMU 7.2 (TCG), on the
/// qemu-tcg profile and on apm: QEMU and qemu-tcg give the same deliveries, apm the processor's.
/// </summary>
public class QemuTranslatorRuleTests
{
    /// <summary>qemu.sti-takes-no-single-step: no #DB after STI, whether IF was set before it or not; the instruction after it traps.</summary>
    [Theory]
    [InlineData("cli")]
    [InlineData("sti")]
    public void StiWithTf_TakesNoSingleStep_AsTheQemuTcgProfileSays(string before)
    {
        var body = $"""
            code:
                    {before}
                    pushfq
                    or qword [rsp], 0x100
                    popfq
            s:      sti
            n:      nop
            m:      pushfq
                    and qword [rsp], -0x101
                    popfq
                    hlt
            expect: halted
            """;

        AssertQemuTakesNoTrapAfter(body, "s", "n", "m");
    }

    /// <summary>qemu.vmrun-takes-no-single-step: the host's TF on VMRUN traps after the instruction after VMRUN, not at it.</summary>
    [Fact]
    public void VmrunWithHostTf_TrapsAfterTheNextInstruction_AsTheQemuTcgProfileSays()
    {
        const string body = """
            code:
                    pushfq
                    or qword [rsp], 0x100
                    popfq
            v:      vmrun
            a:      nop
            b:      pushfq
                    and qword [rsp], -0x101
                    popfq
                    hlt
            guest:
                    vmmcall
            expect: halted
            """;

        AssertQemuTakesNoTrapAfter(body, "v", "a", "b");
    }

    /// <summary>qemu.int3-checks-the-intn-intercept: a guest's INT3 exits through the INTn intercept (0x75), and the exception bitmap's bit 3 does not catch it.</summary>
    [Theory]
    [InlineData("intercept_exception=3", "#BP", "vmexit excp3")]
    [InlineData("intercept_intn=1", "vmexit int", "#BP")]
    public void GuestInt3_ChecksTheIntnIntercept_AsTheQemuTcgProfileSays(string intercept, string onQemu, string onApm)
    {
        var body = $"""
            vmcb: {intercept}
            code:
                    vmrun
                    hlt
            guest:
            brk:    int3
                    vmmcall
            expect: halted
            """;
        var compiled = Scenarios.Compile(body);
        var brk = compiled.Assembly.Labels["brk"];

        var (qemu, model, apm) = RunEverywhere(compiled.Image);

        Assert.Equal(FirstAtBrk(qemu, brk), FirstAtBrk(model, brk));
        Assert.Equal(onQemu, FirstAtBrk(qemu, brk));
        Assert.Equal(onApm, FirstAtBrk(apm, brk));
        Assert.Equal(Exit(model), Exit(qemu));
    }

    private static string? FirstAtBrk(Outcome o, ulong brk) =>
        o.Events.FirstOrDefault(e => e.Rip == brk && e.Disposition == Disposition.Delivered)?.Id.Name;

    private static (ulong?, ulong?) Exit(Outcome o) =>
        (o.Final.TryReadQword(0x460070), o.Final.TryReadQword(0x460078));

    /// <summary>
    /// The #DBs a TF program takes on QEMU and under qemu-tcg are the same: those apm takes less its
    /// first, the trap after <paramref name="skipped"/> (returning to <paramref name="next"/>), so
    /// QEMU's first is the trap after <paramref name="next"/> (returning to <paramref name="then"/>).
    /// </summary>
    private static void AssertQemuTakesNoTrapAfter(string body, string skipped, string next, string then)
    {
        var compiled = Scenarios.Compile(body);
        var labels = compiled.Assembly.Labels;

        var (qemuRun, modelRun, apmRun) = RunEverywhere(compiled.Image);
        var (qemu, model, apm) = (Traps(qemuRun), Traps(modelRun), Traps(apmRun));

        Assert.Equal(model, qemu);
        Assert.Equal((labels[next], labels[then]), qemu[0]);
        Assert.Equal((labels[skipped], labels[next]), apm[0]);
        Assert.Equal(apm.Skip(1), qemu);
    }

    /// <summary>A program run on QEMU and on the built-in machine under qemu-tcg, and on the built-in machine under apm.</summary>
    private static (Outcome Qemu, Outcome Model, Outcome Apm) RunEverywhere(MachineImage image) =>
        (Scenarios.Tcg.Run(image, Scenarios.QemuTcg), X86Machine.Run(image, Scenarios.QemuTcg), X86Machine.Run(image, Scenarios.Apm));

    /// <summary>The #DBs a run delivers, as (the instruction that raised it, the RIP it returns to).</summary>
    private static List<(ulong, ulong)> Traps(Outcome o)
    {
        Assert.Equal(RunEnd.Halted, o.End);
        return o.Events.Where(e => e.Id == EventId.DebugException && e.Disposition == Disposition.Delivered)
            .Select(e => (e.Rip, e.Frame!.Rip)).ToList();
    }
}
