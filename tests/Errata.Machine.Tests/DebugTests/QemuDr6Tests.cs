using Errata.Machine.Events;
using Errata.Machine.Tests.Support;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Machine.Tests.DebugTests;

/// <summary>
/// QEMU rebuilds B0-B3 with check_hw_breakpoints (rule qemu.dr6-from-check-hw-breakpoints): an
/// execute-type register holding the RIP a #DB reports sets its bit, enabled or not; the
/// processor reports only the enabled conditions that caused the #DB.
/// </summary>
public sealed class QemuDr6Tests
{
    /// <summary>A single-step trap whose next instruction is DR3's (disabled) execute address.</summary>
    [Theory]
    [InlineData("apm", 0xFFFF4FF0UL)]
    [InlineData("qemu-tcg", 0xFFFF4FF8UL)]
    public void SingleStep_OntoADisabledExecuteAddress(string profile, ulong dr6)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label step = p.Label(), next = p.Label();
        a.lea(rax, __[next]);
        a.mov(dr3, rax);
        a.mov(rax, 0x400UL); // DR3 execute type, not enabled
        a.mov(dr7, rax);
        Snippets.SetTrapFlag(a);
        p.At(ref step);
        a.nop();
        p.At(ref next);
        a.nop();
        Snippets.ClearTrapFlag(a);
        a.hlt();
        p.SingleStepOnceHandler();

        var db = p.Run(profile).Of(EventId.DebugException).First();

        Assert.Equal(p.Address(next), db.DeliveredBefore);
        Assert.Equal(dr6, db.At("dr6"));
    }

    /// <summary>DR0 and DR1 hold one address; only DR1 is enabled.</summary>
    [Theory]
    [InlineData("apm", 0xFFFF0FF2UL)]
    [InlineData("qemu-tcg", 0xFFFF0FF3UL)]
    public void InstructionBreakpoint_WithADisabledTwin(string profile, ulong dr6)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label target = p.Label();
        a.lea(rax, __[target]);
        a.mov(dr0, rax);
        Snippets.Arm(a, dr1, target, 0x404);
        p.At(ref target);
        a.nop();
        a.hlt();

        var db = p.Run(profile).Single(EventId.DebugException);

        Assert.Equal(p.Address(target), db.Rip);
        Assert.Equal(dr6, db.At("dr6"));
    }
}

/// <summary>
/// An unaligned data breakpoint: the processor covers the LEN-aligned range (rule
/// db.range-aligned-to-len), QEMU LEN bytes from DRn as written (qemu.breakpoint-range-as-written).
/// </summary>
public sealed class QemuBreakpointRangeTests
{
    [Theory]
    [InlineData("apm", 0, true)]
    [InlineData("apm", 5, false)]
    [InlineData("qemu-tcg", 0, false)]
    [InlineData("qemu-tcg", 5, true)]
    public void FourByteWatchAtSlotPlus2_MatchesAStoreAtOffset(string profile, int offset, bool matches)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label slot = p.Label();
        a.lea(rax, __[slot]);
        a.add(rax, 2);
        a.mov(dr1, rax);
        a.mov(rax, 0xD00408UL); // G1, R/W1 = write, LEN1 = 4 bytes
        a.mov(dr7, rax);
        a.lea(rbx, __[slot]);
        a.mov(__byte_ptr[rbx + offset], 1);
        a.hlt();
        p.At(ref slot);
        a.dq(0UL);

        var o = p.Run(profile);

        Assert.Equal(matches ? 1 : 0, o.Delivered(EventId.DebugException).Count());
    }
}

/// <summary>QEMU 7.2 has no general detect (rule qemu.no-general-detect) and reports one watchpoint per instruction (qemu.watchpoint-first-hit-only).</summary>
public sealed class QemuDebugFacilityTests
{
    [Fact]
    public void GeneralDetect_OnQemuTcg_MovFromDrRunsAndGdStays()
    {
        var p = new TestProgram();
        var a = p.Asm;
        a.mov(rax, 0x2400UL);
        a.mov(dr7, rax);
        a.mov(rbx, dr7);
        a.hlt();

        var o = p.Run("qemu-tcg");

        Assert.Empty(o.Of(EventId.DebugException));
        Assert.Equal(0x2400UL, o.Final("rbx"));
        Assert.Equal(RunEnd.Halted, o.End);
    }

    /// <summary>A qword store over DR1's and DR2's bytes: both B bits on the processor, DR1's alone on QEMU.</summary>
    [Theory]
    [InlineData("apm", 0xFFFF0FF6UL)]
    [InlineData("qemu-tcg", 0xFFFF0FF2UL)]
    public void StoreMatchingTwoWatches_ReportsBoth_OrTheFirst(string profile, ulong dr6)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label slot = p.Label();
        a.lea(rax, __[slot]);
        a.mov(dr2, rax);
        a.add(rax, 4);
        a.mov(dr1, rax);
        a.mov(rax, 0x150041CUL); // L1|G1 write 2 bytes, L2 write 1 byte
        a.mov(dr7, rax);
        a.lea(rbx, __[slot]);
        a.mov(__qword_ptr[rbx], 1);
        a.hlt();
        p.At(ref slot);
        a.dq(0UL);

        var db = p.Run(profile).Single(EventId.DebugException);

        Assert.Equal(dr6, db.At("dr6"));
    }
}
