using Errata.Machine.Events;
using Errata.Machine.Tests.Support;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Machine.Tests.DebugTests;

/// <summary>
/// Where QEMU 7.2's softmmu and translator depart from the processor's debug facility: unaligned
/// accesses checked in other pieces than their bytes (qemu.unaligned-access-checked-in-pieces),
/// watchpoint hit marks that outlive their #DB (qemu.watchpoint-hit-marks-persist), I/O breakpoints
/// without CR4.DE (qemu.io-breakpoint-ignores-cr4-de), RF kept through an exception
/// (qemu.rf-kept-until-the-block-ends), and MOV SS taking no single-step and not holding a data
/// breakpoint's #DB (qemu.mov-ss-takes-no-single-step, qemu.watchpoint-ignores-mov-ss-shadow), and STI taking no single-step
/// (qemu.sti-takes-no-single-step). Each program runs on apm and qemu-tcg.
/// </summary>
public sealed class QemuSoftmmuTests
{
    private const ulong Rf = 0x10000;

    /// <summary>A 2-byte read/write breakpoint at +6 of a 16-byte-aligned slot; a dword load at +1 reads +1..+4.</summary>
    [Theory]
    [InlineData("apm", 0)]
    [InlineData("qemu-tcg", 0xFFFF0FF1UL)]
    public void UnalignedLoad_IsCheckedAsTheTwoAlignedLoadsAroundIt(string profile, ulong dr6)
    {
        var p = new TestProgram();
        var a = p.Asm;
        var slot = AlignedSlot(p);
        a.lea(rax, __[rbx + 6]);
        a.mov(dr0, rax);
        a.mov(rax, 0x70401UL); // L0, R/W0=11, LEN0=01
        a.mov(dr7, rax);
        a.mov(ecx, __dword_ptr[rbx + 1]);
        a.hlt();
        PlaceSlot(p, ref slot);

        AssertOneDbOrNone(p.Run(profile), dr6 != 0 ? dr6 : null);
    }

    /// <summary>A 1-byte write breakpoint at +0; a word store at +4 (aligned) or +5 (unaligned), past it.</summary>
    [Theory]
    [InlineData("apm", 4, false)]
    [InlineData("apm", 5, false)]
    [InlineData("qemu-tcg", 4, false)]
    [InlineData("qemu-tcg", 5, true)]
    public void UnalignedStore_HitsAWriteBreakpointBelowItOnItsPage(string profile, int offset, bool traps)
    {
        var p = new TestProgram();
        var a = p.Asm;
        var slot = AlignedSlot(p);
        a.mov(dr0, rbx);
        a.mov(rax, 0x10401UL); // L0, R/W0=01, LEN0=00
        a.mov(dr7, rax);
        a.mov(__word_ptr[rbx + offset], 1);
        a.hlt();
        PlaceSlot(p, ref slot);

        AssertOneDbOrNone(p.Run(profile), traps ? 0xFFFF0FF1UL : null);
    }

    /// <summary>
    /// A store hits DR0; then, single-stepped, a NOP and a store to the same page that misses DR0.
    /// QEMU's hit mark outlives the store's #DB, so the NOP's single-step reports B0 too, until the
    /// second store's check passes over DR0 and clears it; the processor reports BS alone both times.
    /// </summary>
    [Theory]
    [InlineData("apm", 0xFFFF4FF0UL)]
    [InlineData("qemu-tcg", 0xFFFF4FF1UL)]
    public void WatchpointHitMark_OutlivesItsDb_UntilACheckPassesOverIt(string profile, ulong afterNop)
    {
        var p = new TestProgram();
        var a = p.Asm;
        var slot = AlignedSlot(p);
        a.mov(dr0, rbx);
        a.mov(rax, 0x30401UL); // L0, R/W0=11, LEN0=00
        a.mov(dr7, rax);
        a.mov(__byte_ptr[rbx], 1);
        Snippets.SetTrapFlag(a);
        a.nop();
        a.mov(__byte_ptr[rbx + 16], 1);
        Snippets.ClearTrapFlag(a);
        a.hlt();
        PlaceSlot(p, ref slot);

        var dr6 = p.Run(profile).Delivered(EventId.DebugException).Take(3).Select(e => e.At("dr6")).ToArray();

        Assert.Equal([0xFFFF0FF1UL, afterNop, 0xFFFF4FF0UL], dr6);
    }

    /// <summary>
    /// MOV SS run with TF, then INT3: the processor holds MOV SS's single-step through the shadow
    /// and takes it at the #BP handler's first instruction; QEMU takes none for MOV SS.
    /// </summary>
    [Theory]
    [InlineData("apm", 1)]
    [InlineData("qemu-tcg", 0)]
    public void MovSsWithTf_ThenInt3_HeldSingleStepInTheHandler(string profile, int inHandler)
    {
        var p = new TestProgram();
        var a = p.Asm;
        a.mov(eax, 0x10);
        Snippets.SetTrapFlag(a);
        a.mov(ss, ax);
        a.int3();
        Snippets.ClearTrapFlag(a);
        a.hlt();
        var image = p.Image().Memory.Single();

        var db = p.Run(profile).Delivered(EventId.DebugException);

        Assert.Equal(inHandler, db.Count(e => e.DeliveredBefore is not { } rip || rip < image.Address || rip >= image.Address + (ulong)image.Bytes.Length));
    }

    /// <summary>
    /// STI run with TF, IF clear before it or already set: the processor traps after STI as after any
    /// instruction; QEMU 7.2 ends STI's block, like MOV SS's, without the single-step check
    /// (qemu.sti-takes-no-single-step), so the first trap comes after the instruction after STI.
    /// </summary>
    [Theory]
    [InlineData("apm", false, true)]
    [InlineData("apm", true, true)]
    [InlineData("qemu-tcg", false, false)]
    [InlineData("qemu-tcg", true, false)]
    public void StiWithTf_TrapsAfterSti_OrOnlyAfterTheNextInstructionOnQemu(string profile, bool ifSet, bool afterSti)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label sti = p.Label(), next = p.Label(), then = p.Label();
        if (ifSet) a.sti();
        else a.cli();
        Snippets.SetTrapFlag(a);
        p.At(ref sti);
        a.sti();
        p.At(ref next);
        a.nop();
        p.At(ref then);
        Snippets.ClearTrapFlag(a);
        a.hlt();

        var db = p.Run(profile).Delivered(EventId.DebugException).ToArray();

        Assert.Equal(afterSti ? p.Address(sti) : p.Address(next), db[0].Rip);
        Assert.Equal(afterSti ? p.Address(next) : p.Address(then), db[0].DeliveredBefore);
        // TF stays set: every later instruction traps on both.
        Assert.Equal(p.Address(then), db.Single(e => e.Rip == p.Address(next)).DeliveredBefore);
    }

    /// <summary>A read/write breakpoint on the selector MOV SS loads: the processor reports it after the next instruction, QEMU right after MOV SS.</summary>
    [Theory]
    [InlineData("apm", false)]
    [InlineData("qemu-tcg", true)]
    public void MovSsHittingAWatchpoint_TrapsAtOnceOnQemu(string profile, bool afterMovSs)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label selector = p.Label(), next = p.Label(), after = p.Label();
        Snippets.Arm(a, dr0, selector, 0x70401UL); // L0, R/W0=11, LEN0=01
        p.At(ref next);
        a.mov(ss, __word_ptr[selector]);
        p.At(ref after);
        a.nop();
        a.hlt();
        p.At(ref selector);
        a.dw(0x10);

        var db = p.Run(profile).Delivered(EventId.DebugException).Single();

        Assert.Equal(afterMovSs ? p.Address(after) : p.Address(after) + 1, db.DeliveredBefore);
        Assert.Equal(0xFFFF0FF1UL, db.At("dr6"));
    }

    /// <summary>An I/O breakpoint on port 0x80 with CR4.DE left clear, then OUT to it.</summary>
    [Theory]
    [InlineData("apm", false)]
    [InlineData("qemu-tcg", true)]
    public void IoBreakpoint_WithoutCr4De(string profile, bool traps)
    {
        var p = new TestProgram();
        var a = p.Asm;
        a.mov(rax, 0x80UL);
        a.mov(dr0, rax);
        a.mov(rax, 0x20401UL); // L0, R/W0=10, LEN0=00
        a.mov(dr7, rax);
        a.@out(0x80, al);
        a.hlt();

        AssertOneDbOrNone(p.Run(profile), traps ? 0xFFFF0FF1UL : null);
    }

    /// <summary>
    /// An execute breakpoint on an INT3 and one on the instruction after it: the #DB handler resumes
    /// the INT3 with RF=1. The processor clears RF as INT3 runs, so the #BP returns with RF=0 and the
    /// second breakpoint fires; QEMU keeps RF in the #BP frame, which suppresses it.
    /// </summary>
    [Theory]
    [InlineData("apm", 0UL, 2)]
    [InlineData("qemu-tcg", Rf, 1)]
    public void Int3ResumedWithRf_PushesRf(string profile, ulong frameRf, int breakpoints)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label int3 = p.Label(), after = p.Label();
        a.lea(rax, __[int3]);
        a.mov(dr0, rax);
        a.lea(rax, __[after]);
        a.mov(dr1, rax);
        a.mov(rax, 0x405UL); // L0, L1: execute
        a.mov(dr7, rax);
        p.At(ref int3);
        a.int3();
        p.At(ref after);
        a.nop();
        a.hlt();

        var o = p.Run(profile);

        Assert.Equal(frameRf, o.Delivered(EventId.Exception(3)).Single().Frame!.Rflags & Rf);
        Assert.Equal(breakpoints, o.Delivered(EventId.DebugException).Count());
    }

    /// <summary>An execute breakpoint on a HLT: resumed with RF=1, the HLT halts with RF still set on QEMU.</summary>
    [Theory]
    [InlineData("apm", 0UL)]
    [InlineData("qemu-tcg", Rf)]
    public void HltResumedWithRf_HaltsWithRf(string profile, ulong rf)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label stop = p.Label();
        Snippets.Arm(a, dr0, stop, 0x401UL);
        p.At(ref stop);
        a.hlt();

        var o = p.Run(profile);

        Assert.Single(o.Delivered(EventId.DebugException));
        Assert.Equal(rf, o.Final("rflags") & Rf);
    }

    /// <summary>The run raised one #DB, reporting <paramref name="dr6"/>, or, with none given, no #DB.</summary>
    private static void AssertOneDbOrNone(Outcome o, ulong? dr6)
    {
        var db = o.Of(EventId.DebugException).ToArray();
        Assert.Equal(dr6 is not null, db.Length == 1);
        if (dr6 is { } expected) Assert.Equal(expected, db[0].At("dr6"));
    }

    /// <summary>RBX = a 16-byte-aligned address inside the 32-byte slot <see cref="PlaceSlot"/> places at the label returned.</summary>
    private static Iced.Intel.Label AlignedSlot(TestProgram p)
    {
        var slot = p.Label();
        p.Asm.lea(rbx, __[slot]);
        p.Asm.add(rbx, 15);
        p.Asm.and(rbx, -16);
        return slot;
    }

    private static void PlaceSlot(TestProgram p, ref Iced.Intel.Label slot)
    {
        p.At(ref slot);
        p.Asm.db(new byte[32]);
    }
}
