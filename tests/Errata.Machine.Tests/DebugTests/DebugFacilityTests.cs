using Errata.Machine.Events;
using Errata.Machine.Tests.Support;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Machine.Tests.DebugTests;

/// <summary>
/// One test per debug-facility rule, with the DR6 values kvm-unit-tests' x86/debug.c expects.
/// Each runs on every profile: at GIF=1 the KVM profiles must look like bare metal.
/// </summary>
public sealed class DebugFacilityTests
{
    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void Dr2ExecuteBreakpoint_AtGifOne_FaultsWithDr6_0xFFFF0FF4(string profile)
    {
        var p = new TestProgram();
        var target = p.Label();
        Snippets.Arm(p.Asm, dr2, target, 0x410); // L2
        p.At(ref target);
        p.Asm.nop();
        p.Asm.hlt();
        var o = p.Run(profile);
        var db = o.Single(EventId.DebugException);
        Assert.Equal(Disposition.Delivered, db.Disposition);
        Assert.Equal(p.Address(target), db.Rip);
        Assert.Equal(p.Address(target), db.DeliveredBefore);
        Assert.Equal(0xFFFF0FF4UL, db.At("dr6"));
        Assert.Equal(RunEnd.Halted, o.End);
    }

    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void Dr2ExecuteBreakpoint_WithBsPreset_KeepsBs_0xFFFF4FF4(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        var target = p.Label();
        a.mov(rax, 0xFFFF4FF0UL);
        a.mov(dr6, rax);
        Snippets.Arm(a, dr2, target, 0x410);
        p.At(ref target);
        a.nop();
        a.hlt();
        var db = p.Run(profile).Single(EventId.DebugException);
        Assert.Equal(0xFFFF4FF4UL, db.At("dr6"));
    }

    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void WriteWatchOnDr1_FourBytes_TrapsAfterTheStoreWithDr6_0xFFFF0FF2(string profile)
    {
        var (o, store, next) = WriteWatch(profile, presetBs: false);
        var db = o.Single(EventId.DebugException);
        Assert.Equal("dr1 write match", db.Cause);
        Assert.Equal(store, db.Rip);
        Assert.Equal(next, db.DeliveredBefore);
        Assert.Equal(0xFFFF0FF2UL, db.At("dr6"));
    }

    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void WriteWatchOnDr1_WithBsPreset_Dr6Is_0xFFFF4FF2(string profile)
    {
        var (o, _, _) = WriteWatch(profile, presetBs: true);
        Assert.Equal(0xFFFF4FF2UL, o.Single(EventId.DebugException).At("dr6"));
    }

    private static (Outcome Outcome, ulong Store, ulong Next) WriteWatch(string profile, bool presetBs)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label store = p.Label(), next = p.Label();
        if (presetBs)
        {
            a.mov(rax, 0xFFFF4FF0UL);
            a.mov(dr6, rax);
        }
        a.lea(rbx, __[rsp - 64]);
        a.mov(dr1, rbx);
        a.mov(rax, 0x00D0040AUL); // G0|G1, R/W1=01, LEN1=11: the value debug.c uses
        a.mov(dr7, rax);
        p.At(ref store);
        a.mov(__dword_ptr[rbx], eax);
        p.At(ref next);
        a.nop();
        a.hlt();
        return (p.Run(profile), p.Address(store), p.Address(next));
    }

    [Theory]
    [MemberData(nameof(AllProfiles.DecodingIcebp), MemberType = typeof(AllProfiles))]
    public void Icebp_DeliversDbAsTrap_LeavesDr6_0xFFFF0FF0(string profile)
    {
        var p = new TestProgram();
        Iced.Intel.Label icebp = p.Label(), next = p.Label();
        p.At(ref icebp);
        p.Asm.int1();
        p.At(ref next);
        p.Asm.hlt();
        var db = p.Run(profile).Single(EventId.DebugException);
        Assert.Equal("db.icebp-trap", db.Rule.Id);
        Assert.Equal(p.Address(icebp), db.Rip);
        Assert.Equal(p.Address(icebp) + 1, db.DeliveredBefore);
        Assert.Equal(0xFFFF0FF0UL, db.At("dr6"));
    }

    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void SingleStep_AfterPopfSetsTf_TrapsAfterTheNextInstructionWithDr6_0xFFFF4FF0(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label first = p.Label(), second = p.Label();
        Snippets.SetTrapFlag(a);
        p.At(ref first);
        a.nop();
        p.At(ref second);
        a.nop();
        Snippets.ClearTrapFlag(a);
        a.hlt();
        var o = p.Run(profile);
        var db = o.Of(EventId.DebugException).First();
        Assert.Equal("single-step", db.Cause);
        Assert.Equal(p.Address(first), db.Rip);
        Assert.Equal(p.Address(second), db.DeliveredBefore);
        Assert.Equal(0xFFFF4FF0UL, db.At("dr6"));
    }

    [Theory]
    [MemberData(nameof(AllProfiles.WithGeneralDetect), MemberType = typeof(AllProfiles))]
    public void GeneralDetect_MovFromDr_FaultsWithBdAndClearsGd(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        var access = p.Label();
        Snippets.GeneralDetect(p, ref access);
        a.hlt();
        var o = p.Run(profile);
        var db = o.Single(EventId.DebugException);
        Assert.Equal(p.Address(access), db.Rip);
        Assert.Equal(p.Address(access), db.DeliveredBefore);
        Assert.Equal(0xFFFF2FF0UL, db.At("dr6"));
        Assert.Equal(0x400UL, db.At("dr7"));
        Assert.Equal(RunEnd.Halted, o.End);
    }

    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void Dr4_WithCr4DeClear_AliasesDr6(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        a.mov(rax, 0xFFFF4FF0UL);
        a.mov(dr6, rax);
        a.mov(rbx, dr4);
        a.hlt();
        Assert.Equal(0xFFFF4FF0UL, p.Run(profile).Final("rbx"));
    }

    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void Dr4_WithCr4DeSet_RaisesUd(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        a.mov(rax, cr4);
        a.or(rax, 8);
        a.mov(cr4, rax);
        a.mov(rbx, dr4);
        a.hlt();
        var o = p.Run(profile);
        Assert.Equal(Disposition.Delivered, o.Single(EventId.Exception(6)).Disposition);
        Assert.Equal(RunEnd.Stopped, o.End);
        Assert.Contains("#UD", o.StopReason);
    }

    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void InstructionBreakpoint_HandlerReturnsWithRf_FiresOnce(string profile)
    {
        var p = new TestProgram();
        var target = p.Label();
        Snippets.Arm(p.Asm, dr0, target, 0x401);
        p.At(ref target);
        p.Asm.nop();
        p.Asm.hlt();
        var o = p.Run(profile);
        Assert.Single(o.Delivered(EventId.DebugException));
        Assert.Equal(0UL, o.Final("rflags.rf"));
    }

    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void MovSs_WithTf_DefersTheSingleStepTrapByOneInstruction(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label movSs = p.Label(), shadowed = p.Label(), after = p.Label();
        a.mov(eax, 0x10);
        Snippets.SetTrapFlag(a);
        p.At(ref movSs);
        a.mov(ss, ax);
        p.At(ref shadowed);
        a.nop();
        p.At(ref after);
        a.nop();
        Snippets.ClearTrapFlag(a);
        a.hlt();
        var db = p.Run(profile).Of(EventId.DebugException).First();
        Assert.Equal(p.Address(shadowed), db.Rip);
        Assert.Equal(p.Address(after), db.DeliveredBefore);
    }

    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void Sti_WithInterruptPending_DeliversAfterTheNextInstruction(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label sti = p.Label(), shadowed = p.Label(), after = p.Label();
        Snippets.SendSelf(a, deliveryMode: 0, vector: 0x41);
        p.At(ref sti);
        a.sti();
        p.At(ref shadowed);
        a.nop();
        p.At(ref after);
        a.nop();
        a.hlt();
        var o = p.Run(profile);
        var intr = o.Single(EventId.Intr(0x41));
        Assert.Equal(Disposition.DeliveredAfterPending, intr.Disposition);
        Assert.Equal(p.Address(after), intr.DeliveredBefore);
    }

    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void Int3_RaisesBpTrap_PushesTheNextInstruction(string profile)
    {
        var p = new TestProgram();
        Iced.Intel.Label int3 = p.Label(), next = p.Label();
        p.At(ref int3);
        p.Asm.int3();
        p.At(ref next);
        p.Asm.hlt();
        var bp = p.Run(profile).Single(EventId.Exception(3));
        Assert.Equal(p.Address(int3), bp.Rip);
        Assert.Equal(p.Address(next), bp.DeliveredBefore);
        Assert.Equal("bp.int3-trap", bp.Rule.Id);
    }

    [Fact]
    public void DataMatchAndSingleStep_AtGifZeroOnApm_OneDbWithBsAndNoBn()
    {
        var p = new TestProgram();
        var a = p.Asm;
        var store = p.Label();
        a.clgi();
        a.lea(rbx, __[rsp - 64]);
        a.mov(dr1, rbx);
        a.mov(rax, 0x00D0040AUL);
        a.mov(dr7, rax);
        Snippets.SetTrapFlag(a);
        p.At(ref store);
        a.mov(__dword_ptr[rbx], eax);
        Snippets.ClearTrapFlag(a);
        a.stgi();
        a.hlt();
        var o = p.Run("apm");
        var events = o.Of(EventId.DebugException).ToArray();
        var discarded = Assert.Single(events, e => e.Disposition == Disposition.Discarded);
        Assert.Equal("dr1 write match", discarded.Cause);
        var delivered = events.First(e => e.Rip == p.Address(store) && e.Disposition == Disposition.Delivered);
        Assert.Equal("single-step", delivered.Cause);
        Assert.Equal(0xFFFF4FF0UL, delivered.At("dr6"));
    }
}
