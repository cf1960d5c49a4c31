using Errata.Machine.Events;
using Errata.Machine.Profiles;
using Errata.Machine.Tests.Support;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Machine.Tests.EventTests;

/// <summary>
/// RF in the frame an event pushes (APM Vol. 2 3.1.6, rule exception.fault-sets-rf): a fault sets it,
/// an instruction breakpoint's #DB clears it, traps and interrupts push it as it stands. On the KVM
/// profiles L1's own faults are the processor's; qemu-tcg pushes RF as it stands
/// (qemu.fault-pushes-rf-as-it-stands).
/// </summary>
public sealed class FrameRfTests
{
    private const ulong Rf = 0x10000;

    /// <summary>Programs that fault at the label they return, with a handler that halts.</summary>
    public enum Faulting { DivideByZero, Ud2, InvalidOpcode, Cr8ReservedBits, MisalignedVmcb, UnmappedLoad, UnmappedFetch }

    public static TheoryData<string, Faulting, ulong> EveryFault()
    {
        var data = new TheoryData<string, Faulting, ulong>();
        foreach (var f in Enum.GetValues<Faulting>())
        {
            foreach (var profile in new[] { "apm", "kvm", "kvm-novgif" }) data.Add(profile, f, 1);
            data.Add("qemu-tcg", f, 0);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryFault))]
    public void Fault_PushesRfSet_ExceptOnQemu(string profile, Faulting fault, ulong rf)
    {
        var p = new TestProgram();
        var (vector, at) = Fault(p, fault, resumedWithRf: false);

        var o = p.Run(profile);

        var e = Assert.Single(o.Delivered(EventId.Exception(vector)));
        Assert.Equal(at, e.Rip);
        Assert.Equal(rf * Rf, e.Frame!.Rflags & Rf);
        Assert.Equal(rf, e.At("rflags.rf"));
        // The handler runs with RF clear, as after any delivery.
        Assert.Equal(0UL, o.Final("rflags") & Rf);
    }

    /// <summary>Resumed with RF=1 by an instruction breakpoint's handler, the faulting instruction's frame holds RF=1 everywhere.</summary>
    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void FaultResumedWithRf_PushesRfSet(string profile)
    {
        foreach (var fault in new[] { Faulting.DivideByZero, Faulting.Ud2, Faulting.UnmappedLoad })
        {
            var p = new TestProgram();
            var (vector, at) = Fault(p, fault, resumedWithRf: true);

            var o = p.Run(profile);

            var db = Assert.Single(o.Delivered(EventId.DebugException));
            Assert.Equal(0UL, db.Frame!.Rflags & Rf);
            var e = Assert.Single(o.Delivered(EventId.Exception(vector)));
            Assert.Equal(at, e.Rip);
            Assert.Equal(Rf, e.Frame!.Rflags & Rf);
        }
    }

    /// <summary>
    /// With RF's suppression turned round, an instruction breakpoint fires on an instruction that
    /// starts with RF=1: the processor clears RF in the #DB's frame (APM 3.1.6), QEMU pushes it as it stands.
    /// </summary>
    [Theory]
    [InlineData("apm", 0UL)]
    [InlineData("qemu-tcg", Rf)]
    public void InstructionBreakpoint_ClearsRfInItsFrame(string profile, ulong frameRf)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Label target = p.Label(), handler = p.Label();
        Snippets.Arm(a, dr0, target, 0x401UL);
        Snippets.ResumeWithRf(a, target);
        p.At(ref target);
        a.nop();
        a.hlt();
        p.At(ref handler);
        a.xor(eax, eax);
        a.mov(dr7, rax);
        a.iretq();
        p.Handler(EventId.DebugException, handler);
        Assert.True(ProfileRegistry.TryGet(profile, out var original));

        var o = X86Machine.Run(p.Image(), original.WithInverted(RuleIds.RfSuppresses)!);

        var db = Assert.Single(o.Delivered(EventId.DebugException));
        Assert.Equal(p.Address(target), db.Rip);
        Assert.Equal(frameRf, db.Frame!.Rflags & Rf);
    }

    /// <summary>
    /// A general-detect #DB is a fault but no instruction breakpoint: the processor sets RF (the APM's
    /// and Intel's text); KVM intercepts it and re-injects a #DB, which keeps RF as it was; QEMU 7.2 has no general detect.
    /// </summary>
    [Theory]
    [InlineData("apm", 1)]
    [InlineData("kvm", 0)]
    [InlineData("kvm-novgif", 0)]
    [InlineData("qemu-tcg", -1)]
    public void GeneralDetect_RfInItsFrame(string profile, int rf)
    {
        var p = new TestProgram();
        var a = p.Asm;
        var access = p.Label();
        Snippets.GeneralDetect(p, ref access);
        a.hlt();

        var db = p.Run(profile).Delivered(EventId.DebugException).ToArray();

        if (rf < 0)
        {
            Assert.Empty(db);
            return;
        }
        Assert.Equal(p.Address(access), Assert.Single(db).Rip);
        Assert.Equal((ulong)rf * Rf, db[0].Frame!.Rflags & Rf);
    }

    /// <summary>Traps push RF as it stands: INT n resumed with RF=1 (the processor clears RF as it runs), a data breakpoint, single-step.</summary>
    [Theory]
    [InlineData("apm", 0UL)]
    [InlineData("kvm", 0UL)]
    [InlineData("kvm-novgif", 0UL)]
    [InlineData("qemu-tcg", Rf)]
    public void IntNResumedWithRf_PushesRfAsItStands(string profile, ulong frameRf)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Label intn = p.Label(), handler = p.Label();
        Snippets.Arm(a, dr0, intn, 0x401UL);
        p.At(ref intn);
        a.@int(0x40);
        a.hlt();
        p.At(ref handler);
        a.iretq();
        p.Handler(EventId.Intr(0x40), handler);

        var o = p.Run(profile);

        var db = Assert.Single(o.Delivered(EventId.DebugException));
        Assert.Equal(0UL, db.Frame!.Rflags & Rf);
        var e = Assert.Single(o.Delivered(EventId.Intr(0x40)));
        Assert.Equal(frameRf, e.Frame!.Rflags & Rf);
    }

    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void DataBreakpointAndSingleStep_PushRfClear(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Label slot = p.Label(), store = p.Label();
        a.lea(rax, __[slot]);
        a.mov(dr1, rax);
        a.mov(rax, 0x00D00404UL); // L1, R/W1=01, LEN1=11
        a.mov(dr7, rax);
        p.At(ref store);
        a.mov(__dword_ptr[slot], 1);
        Snippets.SetTrapFlag(a);
        a.nop();
        Snippets.ClearTrapFlag(a);
        a.hlt();
        p.At(ref slot);
        a.dq(0);
        p.SingleStepOnceHandler();

        var db = p.Run(profile).Delivered(EventId.DebugException).ToArray();

        Assert.True(db.Length >= 2, $"{db.Length} #DB");
        Assert.All(db, e => Assert.Equal(0UL, e.Frame!.Rflags & Rf));
    }

    /// <summary>
    /// Under KVM the two mechanisms stay apart: L1's own #DE is the processor's fault (exception.fault-sets-rf),
    /// the #GP KVM raises for an MSR it does not know is KVM's injection (kvm.injected-fault-sets-rf).
    /// Turning either rule round clears RF in its own frame only.
    /// </summary>
    [Theory]
    [InlineData("kvm", null, 1UL, 1UL)]
    [InlineData("kvm", RuleIds.FaultSetsRf, 0UL, 1UL)]
    [InlineData("kvm", RuleIds.KvmInjectedFaultSetsRf, 1UL, 0UL)]
    [InlineData("kvm-novgif", RuleIds.FaultSetsRf, 0UL, 1UL)]
    [InlineData("kvm-novgif", RuleIds.KvmInjectedFaultSetsRf, 1UL, 0UL)]
    [InlineData("apm", RuleIds.FaultSetsRf, 0UL, 0UL)]
    public void KvmInjectedFault_AndL1sOwnFault_EachSetRfByTheirOwnRule(string profile, string? inverted, ulong deRf, ulong gpRf)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Label div = p.Label(), wrmsr = p.Label(), de = p.Label(), gp = p.Label();
        a.xor(ecx, ecx);
        a.mov(eax, 1);
        p.At(ref div);
        a.div(ecx);
        a.mov(ecx, 0x1234);
        p.At(ref wrmsr);
        a.wrmsr();
        a.hlt();
        p.At(ref de);
        a.add(__qword_ptr[rsp], 2); // past the DIV
        a.iretq();
        p.At(ref gp);
        a.add(__qword_ptr[rsp + 8], 2); // past the WRMSR
        a.add(rsp, 8);
        a.iretq();
        p.Handler(EventId.Exception(0), de).Handler(EventId.Exception(13), gp);
        Assert.True(ProfileRegistry.TryGet(profile, out var original));
        var run = inverted is null ? original : original.WithInverted(inverted)!;

        var o = X86Machine.Run(p.Image(), run);

        Assert.Equal(RunEnd.Halted, o.End);
        Assert.Equal(deRf * Rf, Assert.Single(o.Delivered(EventId.Exception(0))).Frame!.Rflags & Rf);
        var gpEvent = Assert.Single(o.Delivered(EventId.Exception(13)));
        Assert.Equal(p.Address(wrmsr), gpEvent.Rip);
        Assert.Equal(gpRf * Rf, gpEvent.Frame!.Rflags & Rf);
    }

    /// <summary>
    /// Places a faulting instruction (armed with an execute breakpoint when <paramref name="resumedWithRf"/>)
    /// and a handler that halts; returns the vector and the RIP that faults.
    /// </summary>
    private static (int Vector, ulong Rip) Fault(TestProgram p, Faulting fault, bool resumedWithRf)
    {
        const ulong unmapped = 0x900000;
        var a = p.Asm;
        Label at = p.Label(), handler = p.Label();
        if (resumedWithRf) Snippets.Arm(a, dr0, at, 0x401UL);
        var vector = fault switch
        {
            Faulting.DivideByZero => 0,
            Faulting.Ud2 or Faulting.InvalidOpcode => 6,
            Faulting.UnmappedLoad or Faulting.UnmappedFetch => 14,
            _ => 13,
        };
        switch (fault)
        {
            case Faulting.DivideByZero:
                a.xor(ecx, ecx);
                a.mov(eax, 1);
                p.At(ref at);
                a.div(ecx);
                break;
            case Faulting.Ud2:
                p.At(ref at);
                a.ud2();
                break;
            case Faulting.InvalidOpcode:
                p.At(ref at);
                a.db(0x06); // PUSH ES: no instruction in 64-bit mode
                break;
            case Faulting.Cr8ReservedBits:
                a.mov(eax, 16);
                p.At(ref at);
                a.mov(cr8, rax);
                break;
            case Faulting.MisalignedVmcb:
                a.mov(eax, 0x460008);
                p.At(ref at);
                a.vmrun();
                break;
            case Faulting.UnmappedLoad:
                a.mov(ebx, (uint)unmapped);
                p.At(ref at);
                a.mov(rax, __qword_ptr[rbx]);
                break;
            case Faulting.UnmappedFetch:
                a.mov(eax, (uint)unmapped);
                a.jmp(rax);
                break;
        }
        a.hlt();
        p.At(ref handler);
        a.hlt();
        p.Handler(EventId.Exception(vector), handler);
        return (vector, fault == Faulting.UnmappedFetch ? unmapped : p.Address(at));
    }

    private static class RuleIds
    {
        public const string RfSuppresses = "db.rf-suppresses-instruction-breakpoint";
        public const string FaultSetsRf = "exception.fault-sets-rf";
        public const string KvmInjectedFaultSetsRf = "kvm.injected-fault-sets-rf";
    }
}
