using Errata.Machine;
using Errata.Machine.Events;

namespace Errata.Qemu.Tests;

/// <summary>
/// What QEMU 7.2 TCG does with the debug facility and GIF, read through the image's report, set
/// beside the built-in machine's apm profile where the two agree.
/// </summary>
public class QemuEventTests
{
    private static MachineEvent Only(Outcome o, EventId id) => Assert.Single(o.Events, e => e.Id == id);

    [Fact]
    public void ExecuteBreakpointAtGif1_IsAFaultAtTheInstruction()
    {
        const string body = """
            code:
                    mov rax, target
                    mov dr0, rax
                    mov rax, 0x401
                    mov dr7, rax
            target: nop
                    hlt
            expect: #DB at target with dr6 = 0xffff0ff1
            """;
        var q = Scenarios.OnQemu(body);
        var b = Scenarios.BuiltIn(body);
        var qe = Only(q, EventId.DebugException);
        var be = Only(b, EventId.DebugException);
        Assert.Equal(be.Rip, qe.Rip);
        Assert.Equal(Disposition.Delivered, qe.Disposition);
        Assert.Equal(0xFFFF0FF1UL, Scenarios.Field(qe.AtDelivery!, "dr6"));
        Assert.Equal(Scenarios.Field(be.AtDelivery!, "dr6"), Scenarios.Field(qe.AtDelivery!, "dr6"));
        Assert.Equal(be.Frame!.Rip, qe.Frame!.Rip);
        // The default handler resumed with RF=1 and reset DR6, as the built-in one does.
        Assert.Equal(RunEnd.Halted, q.End);
        Assert.Equal(Scenarios.Field(b.Final, "dr6"), Scenarios.Field(q.Final, "dr6"));
    }

    [Fact]
    public void ExecuteBreakpointAtGif0_IsDeliveredByQemu()
    {
        const string body = """
            code:
                    mov rax, target
                    mov dr0, rax
                    mov rax, 0x401
                    mov dr7, rax
                    clgi
            target: nop
                    stgi
                    hlt
            expect: halted
            """;
        var q = Scenarios.OnQemu(body);
        var e = Only(q, EventId.DebugException);
        Assert.Equal(0xFFFF0FF1UL, Scenarios.Field(e.AtDelivery!, "dr6"));
        Assert.Equal(Scenarios.Compile(body).Assembly.Labels["target"], e.Rip);
        Assert.Equal(1UL, Scenarios.Field(q.Final, "gif"));
    }

    [Fact]
    public void WriteWatchAtGif0_TrapsAfterTheStore()
    {
        const string body = """
            code:
                    lea rax, [rel slot]
                    mov dr1, rax
                    mov rax, 0x00d0040a
                    mov dr7, rax
                    clgi
            store:  mov dword [rel slot], 1
                    stgi
                    hlt
            data:
            slot:   dq 0
            expect: [slot] = 1
            """;
        var q = Scenarios.OnQemu(body);
        var c = Scenarios.Compile(body);
        var e = Only(q, EventId.DebugException);
        Assert.Equal(c.Assembly.Labels["store"], e.Rip);
        Assert.Equal(0xFFFF0FF2UL, Scenarios.Field(e.AtDelivery!, "dr6"));
        Assert.Equal(1UL, q.Final.TryReadQword(c.Assembly.Labels["slot"]));
    }

    [Fact]
    public void SingleStep_TrapsAfterTheNextInstruction_WithBs()
    {
        const string body = """
            code:
                    clgi
                    pushfq
                    or qword [rsp], 0x100
                    popfq
            step:   nop
                    stgi
                    hlt
            handler #DB:
                    and qword [rsp+16], ~0x100
                    mov rax, 0xffff0ff0
                    mov dr6, rax
                    iretq
            expect: #DB at step with dr6 = 0xffff4ff0
            """;
        var q = Scenarios.OnQemu(body);
        var b = Scenarios.BuiltIn(body);
        var qe = Only(q, EventId.DebugException);
        var be = Only(b, EventId.DebugException);
        Assert.Equal(be.Rip, qe.Rip);
        Assert.Equal(0xFFFF4FF0UL, Scenarios.Field(qe.AtDelivery!, "dr6"));
        Assert.Equal(be.Frame!.Rip, qe.Frame!.Rip);
    }

    [Fact]
    public void NmiInjectedAtGif0_IsHeldUntilStgi()
    {
        const string body = """
            inject: nmi at raised
            code:
                    clgi
            raised: nop
                    nop
                    stgi
            after:  hlt
            expect: nmi pending until after
            """;
        var q = Scenarios.OnQemu(body);
        var c = Scenarios.Compile(body);
        var e = Only(q, EventId.Nmi);
        Assert.Equal(c.Assembly.Labels["raised"], e.Rip);
        Assert.Equal(Disposition.DeliveredAfterPending, e.Disposition);
        Assert.Equal(c.Assembly.Labels["after"], e.DeliveredBefore);
        Assert.Equal(RunEnd.Halted, q.End);
    }

    [Fact]
    public void SelfIpiInjectedAtGif1_IsDeliveredAtItsSite()
    {
        const string body = """
            inject: intr 0x40 at raised
            code:
                    sti
                    nop
            raised: nop
                    hlt
            expect: intr 0x40
            """;
        var q = Scenarios.OnQemu(body);
        var c = Scenarios.Compile(body);
        var e = Only(q, EventId.Intr(0x40));
        Assert.Equal(Disposition.Delivered, e.Disposition);
        Assert.Equal(c.Assembly.Labels["raised"], e.DeliveredBefore);
    }

    [Fact]
    public void UnhandledException_StopsTheRun()
    {
        var q = Scenarios.OnQemu("""
            code:
                    xor eax, eax
            bad:    mov rax, [rax]
                    hlt
            expect: halted
            """);
        Assert.Equal(RunEnd.Stopped, q.End);
        Assert.Contains("unhandled #PF", q.StopReason);
        var pf = Only(q, EventId.Exception(14));
        Assert.Equal(0UL, Scenarios.Field(pf.AtDelivery!, "cr2"));
    }

    [Fact]
    public void FinalState_MatchesTheBuiltInMachine()
    {
        const string body = """
            code:
                    mov rcx, 7
                    lea rdx, [rel code_end]
                    push rcx
            code_end: hlt
            expect: halted
            """;
        var q = Scenarios.OnQemu(body);
        var b = Scenarios.BuiltIn(body);
        foreach (var name in new[] { "rax", "rcx", "rdx", "rsp", "rip", "rflags", "cr0", "cr3", "cr4", "efer", "dr6", "dr7", "cpl", "gif" })
            Assert.True(Scenarios.Field(b.Final, name) == Scenarios.Field(q.Final, name),
                $"{name}: built-in 0x{Scenarios.Field(b.Final, name):x}, QEMU 0x{Scenarios.Field(q.Final, name):x}");
    }
}
