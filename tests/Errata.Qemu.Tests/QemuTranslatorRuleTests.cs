using Errata.Machine;
using Errata.Machine.Events;
using Errata.Machine.Profiles;

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
        var labels = Scenarios.Compile(body).Assembly.Labels;

        var (qemu, model, apm) = RunEverywhere(body);

        Assert.Equal(model, qemu);
        Assert.Equal((labels["n"], labels["m"]), qemu[0]);
        Assert.Equal((labels["s"], labels["n"]), apm[0]);
        Assert.Equal(apm.Skip(1), qemu);
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
        var labels = Scenarios.Compile(body).Assembly.Labels;

        var (qemu, model, apm) = RunEverywhere(body);

        Assert.Equal(model, qemu);
        Assert.Equal((labels["a"], labels["b"]), qemu[0]);
        Assert.Equal((labels["v"], labels["a"]), apm[0]);
        Assert.Equal(apm.Skip(1), qemu);
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
        var brk = Scenarios.Compile(body).Assembly.Labels["brk"];
        var image = Scenarios.Compile(body).Image;

        var qemu = Scenarios.Tcg.Run(image, Profile("qemu-tcg"));
        var model = X86Machine.Run(image, Profile("qemu-tcg"));
        var apm = X86Machine.Run(image, Profile("apm"));

        Assert.Equal(FirstAtBrk(qemu, brk), FirstAtBrk(model, brk));
        Assert.Equal(onQemu, FirstAtBrk(qemu, brk));
        Assert.Equal(onApm, FirstAtBrk(apm, brk));
        Assert.Equal(Exit(model), Exit(qemu));
    }

    private static string? FirstAtBrk(Outcome o, ulong brk) =>
        o.Events.FirstOrDefault(e => e.Rip == brk && e.Disposition == Disposition.Delivered)?.Id.Name;

    private static (ulong?, ulong?) Exit(Outcome o) =>
        (o.Final.TryReadQword(0x460070), o.Final.TryReadQword(0x460078));

    /// <summary>The #DBs each run delivers, as (the instruction that raised it, the RIP it returns to).</summary>
    private static (List<(ulong, ulong)> Qemu, List<(ulong, ulong)> Model, List<(ulong, ulong)> Apm) RunEverywhere(string body)
    {
        var image = Scenarios.Compile(body).Image;
        return (Traps(Scenarios.Tcg.Run(image, Profile("qemu-tcg"))), Traps(X86Machine.Run(image, Profile("qemu-tcg"))),
            Traps(X86Machine.Run(image, Profile("apm"))));
    }

    private static List<(ulong, ulong)> Traps(Outcome o)
    {
        Assert.Equal(RunEnd.Halted, o.End);
        return o.Events.Where(e => e.Id == EventId.DebugException && e.Disposition == Disposition.Delivered)
            .Select(e => (e.Rip, e.Frame!.Rip)).ToList();
    }

    private static Profile Profile(string name)
    {
        Assert.True(ProfileRegistry.TryGet(name, out var p), name);
        return p;
    }
}
