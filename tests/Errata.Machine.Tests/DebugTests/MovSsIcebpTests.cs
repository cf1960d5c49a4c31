using Errata.Machine.Events;
using Errata.Machine.Tests.Support;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Machine.Tests.DebugTests;

/// <summary>
/// kvm-unit-tests x86/debug.c "MOV SS + watchpoint + ICEBP" and "Single-Step + ICEBP w/ MOVSS":
/// a trap the MOV SS shadow held goes out with the ICEBP's #DB, one handler entry, DR6 reporting both.
/// </summary>
public sealed class MovSsIcebpTests
{
    [Theory]
    [MemberData(nameof(AllProfiles.DecodingIcebp), MemberType = typeof(AllProfiles))]
    public void MovSsWatchpointThenIcebp_OneDbWithB0(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label selector = p.Label(), movSs = p.Label(), icebp = p.Label(), after = p.Label();
        Snippets.Arm(a, dr0, selector, 0x70402); // G0, R/W0=11 (read or write), LEN0=01 (2 bytes)
        p.At(ref movSs);
        a.mov(ss, __word_ptr[selector]);
        p.At(ref icebp);
        a.int1();
        p.At(ref after);
        a.hlt();
        p.At(ref selector);
        a.db(new byte[] { 0x10, 0x00 });
        var o = p.Run(profile);

        var db = Assert.Single(o.Of(EventId.DebugException));
        Assert.Equal(Disposition.Delivered, db.Disposition);
        Assert.Equal("db.icebp-merges-held-traps", db.Rule.Id);
        Assert.Equal(p.Address(icebp), db.Rip);
        Assert.Equal(p.Address(after), db.DeliveredBefore);
        Assert.Equal(0xFFFF0FF1UL, db.At("dr6"));
    }

    [Theory]
    [MemberData(nameof(AllProfiles.DecodingIcebp), MemberType = typeof(AllProfiles))]
    public void SingleStepMovSsThenIcebp_OneDbWithBs(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label movSs = p.Label(), icebp = p.Label(), after = p.Label();
        a.mov(eax, 0x10);
        Snippets.SetTrapFlag(a);
        p.At(ref movSs);
        a.mov(ss, ax);
        p.At(ref icebp);
        a.int1();
        p.At(ref after);
        Snippets.ClearTrapFlag(a);
        a.hlt();
        var o = p.Run(profile);

        // Neither the MOV SS's trap nor the ICEBP is reported alone: one #DB covers both.
        var db = Assert.Single(o.Of(EventId.DebugException), e => e.Rip == p.Address(movSs) || e.Rip == p.Address(icebp));
        Assert.Equal(p.Address(icebp), db.Rip);
        Assert.Equal(p.Address(after), db.DeliveredBefore);
        Assert.Equal(0xFFFF4FF0UL, db.At("dr6"));
        Assert.Contains("single-step", db.Cause);
    }

    /// <summary>Without a held trap ICEBP's #DB sets no DR6 bit, as before.</summary>
    [Fact]
    public void IcebpAfterMovSsWithoutTraps_SetsNoDr6Bit()
    {
        var p = new TestProgram();
        var a = p.Asm;
        a.mov(eax, 0x10);
        a.mov(ss, ax);
        a.int1();
        a.hlt();
        var db = p.Run("apm").Single(EventId.DebugException);
        Assert.Equal("db.icebp-trap", db.Rule.Id);
        Assert.Equal(0xFFFF0FF0UL, db.At("dr6"));
    }
}
