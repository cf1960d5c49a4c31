using Errata.Machine.Backends;
using Errata.Machine.Events;
using Errata.Qemu.Image;
using Errata.Qemu.Report;
using Errata.Qemu.Running;

namespace Errata.Qemu.Tests;

/// <summary>Reports QEMU under TCG does not produce here, read as the firmware would write them (as under KVM).</summary>
public class ReportReadingTests
{
    private static string Words(params ulong[] words) => string.Join(" ", words.Select(w => w.ToString("x16"))) + " ";

    private static string State(ulong vector, ulong rip) =>
        Words([vector, rip, 0x08, 0x2, 0x450000, 0x10, ulong.MaxValue, .. new ulong[ReportProtocol.StateWords.Length - 6]]);

    [Fact]
    public void InjectionTakenInsideTheFirmware_CountsAsDeliveredAtItsSite()
    {
        var compiled = Scenarios.Compile("""
            inject: nmi at a
            code:
            a:  nop
                hlt
            expect: nmi
            """);
        var boot = ImageBuilder.BuildImage(compiled.Image);
        var site = compiled.Assembly.Labels["a"];
        var halt = site + 1;
        var console =
            $"I{Words(ReportProtocol.EventCode(EventId.Nmi), site)}\n" +
            $"E{State(2, QemuLayout.FirmwareBase + 0x300)}\n" +
            $"F{State(3, halt + 1)}\nG{Words(1)}\nX\n";
        var outcome = OutcomeReader.Read(new QemuExit(QemuLayout.ExitStatus, console, ""), compiled.Image, boot, "kvm",
            new RunProvenance("qemu", "test", "host", "kvm"));
        var nmi = Assert.Single(outcome.Events);
        Assert.Equal(Disposition.Delivered, nmi.Disposition);
        Assert.Equal(site, nmi.DeliveredBefore);
        Assert.Equal(RunEnd.Halted, outcome.End);
    }

    [Fact]
    public void QemuStoppingBeforeTheEnd_IsAFailure_NotAnOutcome()
    {
        var compiled = Scenarios.Compile("code:\n hlt\nexpect: halted");
        var boot = ImageBuilder.BuildImage(compiled.Image);
        var failure = Assert.Throws<BackendFailure>(() => OutcomeReader.Read(
            new QemuExit(1, "F0000", "qemu: could not load kernel"), compiled.Image, boot, "apm", new RunProvenance("qemu", "t", "c", "tcg")));
        Assert.Contains("status 1 before the image reported its end: qemu: could not load kernel", failure.Message);
    }

    [Fact]
    public void ResetAfterTheStateBeforeInit_EndsReset_WithThatState()
    {
        var compiled = Scenarios.Compile("""
            inject: init at a
            code:
            a:  nop
                hlt
            expect: reset
            """);
        var boot = ImageBuilder.BuildImage(compiled.Image);
        var site = compiled.Assembly.Labels["a"];
        var console =
            $"I{Words(ReportProtocol.EventCode(EventId.Init), site)}\n" +
            $"N{State(3, site)}\n{ReportProtocol.Reset}\nX\n";
        var outcome = OutcomeReader.Read(new QemuExit(QemuLayout.ExitStatus, console, ""), compiled.Image, boot, "qemu-tcg",
            new RunProvenance("qemu", "test", "qemu64", "tcg"));
        Assert.Equal(RunEnd.Reset, outcome.End);
        var init = Assert.Single(outcome.Events);
        Assert.Equal(Disposition.Delivered, init.Disposition);
        Assert.Equal(QemuRules.Reset, init.Rule);
        Assert.Null(init.Frame);
        Assert.True(outcome.Final.TryGet("rip", out var rip));
        Assert.Equal(site, rip);
    }

    [Fact]
    public void ResetWithoutTheStateBeforeInit_IsAFailure()
    {
        var compiled = Scenarios.Compile("code:\n hlt\nexpect: halted");
        var boot = ImageBuilder.BuildImage(compiled.Image);
        Assert.Throws<BackendFailure>(() => OutcomeReader.Read(
            new QemuExit(QemuLayout.ExitStatus, $"{ReportProtocol.Reset}\nX\n", ""), compiled.Image, boot, "qemu-tcg",
            new RunProvenance("qemu", "t", "c", "tcg")));
    }
}
