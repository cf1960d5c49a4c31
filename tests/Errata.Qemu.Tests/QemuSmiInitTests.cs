using Errata.Machine;
using Errata.Machine.Events;

namespace Errata.Qemu.Tests;

/// <summary>
/// SMI and INIT sent through the xAPIC ICR on QEMU 7.2 TCG: SMM entry at the relocated SMBASE,
/// the state-save area, RSM, GIF holding an SMI, the SMI and INIT intercepts, and an INIT's reset,
/// set beside the built-in machine where the two agree.
/// </summary>
public class QemuSmiInitTests
{
    private static MachineEvent Only(Outcome o, EventId id) => Assert.Single(o.Events, e => e.Id == id);

    private static ulong Label(string body, string name) => Scenarios.Compile(body).Assembly.Labels[name];

    [Fact]
    public void SmiAtGif1_EntersSmm_AndRsmResumes()
    {
        const string body = """
            inject: smi at raised
            code:
                    mov rbx, 0x1234
            raised: nop
                    mov eax, 1
                    hlt
            """;
        var q = Scenarios.OnQemu(body);
        var b = Scenarios.BuiltIn(body);
        var smi = Only(q, EventId.Smi);
        Assert.Equal(Disposition.Delivered, smi.Disposition);
        Assert.Equal(Label(body, "raised"), smi.Rip);
        Assert.Equal(Label(body, "raised"), smi.Frame!.Rip);
        Assert.Equal(Only(b, EventId.Smi).Frame!.Rip, smi.Frame.Rip);
        Assert.Equal(0x1234UL, Scenarios.Field(smi.AtDelivery!, "rbx"));
        // RSM came back to the instruction after the SMI's boundary: the code ran on.
        Assert.Equal(RunEnd.Halted, q.End);
        Assert.Equal(1UL, Scenarios.Field(q.Final, "rax"));
        Assert.Equal(Scenarios.Field(b.Final, "rsp"), Scenarios.Field(q.Final, "rsp"));
        Assert.Equal(Scenarios.Field(b.Final, "rflags"), Scenarios.Field(q.Final, "rflags"));
    }

    [Fact]
    public void SmiAtGif0_IsHeldUntilStgi()
    {
        const string body = """
            inject: smi at raised
            code:
                    clgi
            raised: nop
                    stgi
            after:  mov eax, 1
                    hlt
            """;
        var q = Scenarios.OnQemu(body);
        var smi = Only(q, EventId.Smi);
        Assert.Equal(Disposition.DeliveredAfterPending, smi.Disposition);
        Assert.Equal(Label(body, "raised"), smi.Rip);
        Assert.Equal(Label(body, "after"), smi.DeliveredBefore);
        Assert.Equal(Only(Scenarios.BuiltIn(body), EventId.Smi).DeliveredBefore, smi.DeliveredBefore);
        Assert.Equal(1UL, Scenarios.Field(q.Final, "rax"));
    }

    /// <summary>
    /// STGI run with TF traps, and releases the held SMI at the same boundary: QEMU raises the #DB
    /// first (qemu.debug-traps-before-smi-init), so the #DB returns to the instruction after STGI and
    /// the SMI is taken at the #DB handler's entry (the image reports the SMI first, as its handler
    /// starts first).
    /// </summary>
    [Fact]
    public void SmiReleasedByStgi_ComesAfterStgisSingleStep()
    {
        const string body = """
            inject: smi at raised
            handler #DB:
                    and qword [rsp+16], ~0x100
                    iretq
            code:
                    clgi
            raised: pushfq
                    or qword [rsp], 0x100
                    popfq
                    stgi
            after:  nop
                    hlt
            """;
        var q = Scenarios.OnQemu(body);
        var model = X86Machine.Run(Scenarios.Compile(body).Image, Scenarios.QemuTcg);
        foreach (var o in new[] { q, model })
        {
            var db = Only(o, EventId.DebugException);
            var smi = Only(o, EventId.Smi);
            Assert.Equal(Label(body, "after"), db.Frame!.Rip);
            Assert.NotEqual(Label(body, "after"), smi.Frame!.Rip);
        }
    }

    [Fact]
    public void SmiHandler_SeesSmmState_AndTheSaveAreaHoldsTheInterruptedRip()
    {
        // The handler keeps what it saw in memory, since RSM reloads the registers, and changes
        // the saved RAX, which RSM loads back.
        var area = MachineStart.SmmSaveArea;
        var body = $"""
            inject: smi at raised
            handler smi:
                    pushfq
                    pop qword [rel flags]
                    mov rax, dr7
                    mov [rel dr7v], rax
                    mov rax, [0x{area + MachineStart.SmmSave.Rip:x}]
                    mov [rel saved], rax
                    mov qword [0x{area + MachineStart.SmmSave.Gpr(0):x}], 0x77
                    rsm
            code:
                    mov rax, 5
            raised: nop
                    hlt
            data:
            flags:  dq 0
            dr7v:   dq 0
            saved:  dq 0
            """;
        var q = Scenarios.OnQemu(body);
        var b = Scenarios.BuiltIn(body);
        var labels = Scenarios.Compile(body).Assembly.Labels;
        ulong? Read(Outcome o, string label) => o.Final.TryReadQword(labels[label]);
        Assert.Equal(RunEnd.Halted, q.End);
        Assert.Equal(labels["raised"], Read(q, "saved"));
        Assert.Equal(Read(b, "saved"), Read(q, "saved"));
        Assert.Equal(2UL, Read(q, "flags"));
        Assert.Equal(0x400UL, Read(q, "dr7v"));
        Assert.Equal(0x77UL, Scenarios.Field(q.Final, "rax"));
        Assert.Equal(Scenarios.Field(b.Final, "rax"), Scenarios.Field(q.Final, "rax"));
    }

    [Fact]
    public void SmiInAGuest_WithTheSmiIntercept_ExitsToTheHost()
    {
        const string body = """
            vmcb: intercept_smi=1
            inject: smi at gsmi
            code:
                    vmrun
                    hlt
            guest:
            gsmi:   nop
                    vmmcall
            """;
        var q = Scenarios.OnQemu(body);
        var exit = Only(q, EventId.VmExit(0x62));
        Assert.Equal(Label(body, "gsmi"), exit.Rip);
        Assert.Contains(q.Events, e => e.Id == EventId.Smi && e.Disposition == Disposition.Pending);
        Assert.DoesNotContain(q.Events, e => e.Id == EventId.VmExit(0x81));
    }

    [Theory]
    [InlineData("")]
    [InlineData("clgi")]
    public void InitOnQemuTcg_ResetsAtTheSite_WhateverGif(string before)
    {
        var body = $"""
            inject: init at raised
            code:
                    {before}
                    mov rbx, 0x99
            raised: nop
                    mov eax, 1
                    hlt
            """;
        var q = Scenarios.OnQemu(body);
        var init = Only(q, EventId.Init);
        Assert.Equal(RunEnd.Reset, q.End);
        Assert.Equal(Disposition.Delivered, init.Disposition);
        Assert.Equal(Label(body, "raised"), init.DeliveredBefore);
        Assert.Equal(Label(body, "raised"), Scenarios.Field(q.Final, "rip"));
        Assert.Equal(0x99UL, Scenarios.Field(q.Final, "rbx"));
        // The code after the site never ran.
        Assert.Equal(0UL, Scenarios.Field(q.Final, "rax"));
    }

    /// <summary>
    /// QEMU checks the INIT intercept (cpu_handle_interrupt: cpu_svm_check_intercept_param), exits,
    /// and leaves the INIT pending; at GIF=0 after the #VMEXIT it takes it at once, without the GIF
    /// test, and resets the host before its first instruction: as the qemu-tcg profile predicts.
    /// </summary>
    [Fact]
    public void InitInAGuest_WithTheInitIntercept_ExitsAndThenResetsTheHost()
    {
        const string body = """
            vmcb: intercept_init=1
            inject: init at ginit
            code:
                    vmrun
                    hlt
            guest:
            ginit:  nop
                    vmmcall
            """;
        var q = Scenarios.OnQemu(body);
        var model = X86Machine.Run(Scenarios.Compile(body).Image, Scenarios.QemuTcg);
        Assert.Equal(RunEnd.Reset, model.End);
        Assert.Contains(model.Events, e => e.Id == EventId.VmExit(0x63));
        Assert.Equal(model.End, q.End);
        Assert.Equal(Disposition.Delivered, Only(q, EventId.Init).Disposition);
        // No VMMCALL exit: the guest did not run on after the INIT.
        Assert.DoesNotContain(q.Events, e => e.Id == EventId.VmExit(0x81));
    }

    [Fact]
    public void InitInAGuest_WithoutTheIntercept_ResetsTheProcessor()
    {
        const string body = """
            inject: init at ginit
            code:
                    vmrun
                    hlt
            guest:
            ginit:  nop
                    vmmcall
            """;
        var q = Scenarios.OnQemu(body);
        Assert.Equal(RunEnd.Reset, q.End);
        Assert.Equal(Scenarios.BuiltIn(body).End, q.End);
        Assert.Equal(Label(body, "ginit"), Scenarios.Field(q.Final, "rip"));
    }
}
