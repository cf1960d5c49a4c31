using Errata.Machine.Events;
using Errata.Machine.Profiles;
using Errata.Machine.Tests.Support;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Machine.Tests.MachineTests;

/// <summary>Nothing a scenario does can crash or hang the generator: every run ends with a reason.</summary>
public sealed class BadInputTests
{
    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void EndlessLoop_StopsAtTheBudget(string profile)
    {
        var p = new TestProgram { Budget = 5000 };
        var loop = p.Label();
        p.At(ref loop);
        p.Asm.jmp(loop);
        var o = p.Run(profile);
        Assert.Equal(RunEnd.BudgetExceeded, o.End);
        Assert.Equal(5000, o.Instructions);
    }

    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void AccessOutsideMemory_RaisesPageFaultWithCr2(string profile)
    {
        var p = new TestProgram();
        var load = p.Label();
        p.Asm.mov(rbx, 0x1000UL);
        p.At(ref load);
        p.Asm.mov(rax, __qword_ptr[rbx]);
        p.Asm.hlt();
        var o = p.Run(profile);
        var pf = o.Single(EventId.Exception(14));
        Assert.Equal(p.Address(load), pf.Rip);
        Assert.Equal(0x1000UL, pf.At("cr2"));
        Assert.Equal(RunEnd.Stopped, o.End);
        Assert.Equal(p.Address(load), o.StopRip);
    }

    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void FaultWithAnUnusableStack_EndsInShutdown(string profile)
    {
        var p = new TestProgram();
        p.Asm.mov(rsp, 0x1000UL);
        p.Asm.push(rax);
        p.Asm.hlt();
        var o = p.Run(profile);
        Assert.Equal(RunEnd.Shutdown, o.End);
        Assert.Single(o.Of(EventId.Exception(8)));
    }

    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void UnsupportedInstruction_StopsNamingIt(string profile)
    {
        var p = new TestProgram();
        var cpuid = p.Label();
        p.At(ref cpuid);
        p.Asm.cpuid();
        p.Asm.hlt();
        var o = p.Run(profile);
        Assert.Equal(RunEnd.Stopped, o.End);
        Assert.Contains("cpuid", o.StopReason);
        Assert.Equal(p.Address(cpuid), o.StopRip);
    }

    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void PrivilegedInstructionAtCpl3_RaisesGp(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        var hlt = p.Label();
        p.EnterUserMode(hlt);
        p.At(ref hlt);
        a.hlt();
        var o = p.Run(profile);
        var gp = o.Single(EventId.Exception(13));
        Assert.Equal(p.Address(hlt), gp.Rip);
        Assert.Equal("cpl.privileged-gp", gp.Rule.Id);
    }

    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void HandlersOutsideMemory_DoNotHangTheRun(string profile)
    {
        var p = new TestProgram();
        p.Asm.mov(rax, __qword_ptr[0]);
        p.Asm.hlt();
        var image = p.Image() with
        {
            Handlers = new Dictionary<EventId, ulong> { [EventId.Exception(14)] = 0x10, [EventId.Exception(8)] = 0x20 },
        };
        Assert.True(ProfileRegistry.TryGet(profile, out var prof));
        var o = X86Machine.Run(image, prof);
        Assert.Contains(o.End, new[] { RunEnd.Stopped, RunEnd.Shutdown });
    }

    [Fact]
    public void InitDelivered_ResetsAndEndsTheRun()
    {
        var p = new TestProgram();
        Snippets.SendSelf(p.Asm, deliveryMode: 5);
        p.Asm.nop();
        p.Asm.hlt();
        var o = p.Run("apm");
        Assert.Equal(RunEnd.Reset, o.End);
        Assert.Equal(Disposition.Delivered, o.Single(EventId.Init).Disposition);
    }

    [Fact]
    public void SupportedInstructions_ListTheIssuesFamiliesAndNothingElse()
    {
        Assert.True(SupportedInstructions.IsSupported(Iced.Intel.Code.Clgi));
        Assert.True(SupportedInstructions.IsSupported(Iced.Intel.Code.Vmrunq));
        Assert.True(SupportedInstructions.IsSupported(Iced.Intel.Code.Mov_dr_r64));
        Assert.True(SupportedInstructions.IsSupported(Iced.Intel.Code.Add_rm64_imm8));
        Assert.True(SupportedInstructions.IsSupported(Iced.Intel.Code.Jne_rel8_64));
        Assert.True(SupportedInstructions.IsSupported(Iced.Intel.Code.Retnq_imm16));
        Assert.False(SupportedInstructions.IsSupported(Iced.Intel.Code.Pushw_imm8));
        Assert.False(SupportedInstructions.IsSupported(Iced.Intel.Code.Retnw));
        Assert.False(SupportedInstructions.IsSupported(Iced.Intel.Code.Cpuid));
        Assert.False(SupportedInstructions.IsSupported(Iced.Intel.Code.Movsb_m8_m8));
        Assert.False(SupportedInstructions.IsSupported(Iced.Intel.Code.INVALID));
    }

    [Fact]
    public void Profiles_AreApmKvmKvmNovgifAndQemuTcg_WithDistinctRuleSets()
    {
        Assert.Equal(["apm", "kvm", "kvm-novgif", "qemu-tcg"], ProfileRegistry.All.Select(p => p.Name));
        Assert.True(ProfileRegistry.TryGet("KVM", out var kvm));
        Assert.Contains(kvm.Rules, r => r.Source == "arch/x86/kvm/svm/svm.c: db_interception");
        Assert.False(ProfileRegistry.TryGet("qemu", out _));
        Assert.Matches("^[0-9]+\\+[0-9a-f]{16}$", X86Machine.Version);
    }

    [Fact]
    public void Trace_RecordsEachInstructionInIcedFormatting()
    {
        var p = new TestProgram();
        p.Asm.nop();
        p.Asm.hlt();
        var o = p.Run("apm", trace: true);
        Assert.Equal(["nop", "hlt"], o.Trace.Select(t => t.Text));
    }

    [Fact]
    public void Trace_RecordsEachBoundaryDecisionWithItsRule()
    {
        var p = new TestProgram();
        var a = p.Asm;
        var target = p.Label();
        a.clgi();
        Snippets.Arm(a, dr0, target, 0x401);
        p.At(ref target);
        a.nop();
        a.hlt();
        var o = p.Run("apm", trace: true);
        Assert.Contains(o.Trace, t => t.Text.StartsWith("; #DB (dr0 execute match) discarded: gif0.discard-breakpoint-match", StringComparison.Ordinal));
    }
}
