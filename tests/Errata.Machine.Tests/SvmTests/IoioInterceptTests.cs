using Errata.Machine.Events;
using Errata.Machine.Profiles;
using Errata.Machine.Tests.Support;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Machine.Tests.SvmTests;

/// <summary>
/// The IOIO intercept: KVM runs its guests with every port intercepted and completes IN and OUT
/// itself, so an I/O breakpoint of the scenario's code never traps on the KVM profiles; on apm
/// the processor runs them and the breakpoint follows Table 15-10.
/// </summary>
public sealed class IoioInterceptTests
{
    private const ulong VmcbAddress = 0x460000;
    private const ushort Port = 0x80;
    /// <summary>EXITINFO1 of an 8-bit OUT to port 0x80 in 64-bit mode: port 31:16, SZ8 (bit 4), A64 (bit 9).</summary>
    private const ulong OutPort80Info = 0x0080_0210;

    public static TheoryData<string, int, bool, bool> Matrix()
    {
        var data = new TheoryData<string, int, bool, bool>();
        foreach (var profile in new[] { "apm", "kvm", "kvm-novgif" })
            foreach (var gif in new[] { 0, 1 })
                foreach (var input in new[] { true, false })
                    foreach (var breakpoint in new[] { true, false })
                        data.Add(profile, gif, input, breakpoint);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void PortAccess_OnEachProfileAndGif_CompletesAndMeetsTheBreakpointsFate(string profile, int gif, bool input, bool breakpoint)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Label access = p.Label(), next = p.Label();
        if (breakpoint) Snippets.ArmIo(a, Port);
        a.mov(rax, 0x1122334455667788UL);
        if (gif == 0) a.clgi();
        p.At(ref access);
        if (input) a.@in(al, (byte)Port);
        else a.@out((byte)Port, al);
        p.At(ref next);
        a.stgi();
        a.hlt();

        var o = p.Run(profile);

        Assert.Equal(RunEnd.Halted, o.End);
        Assert.Equal(input ? 0x11223344556677FFUL : 0x1122334455667788UL, o.Final("rax"));
        var db = o.Of(EventId.DebugException).ToArray();
        if (!breakpoint)
        {
            Assert.Empty(db);
            return;
        }
        var e = Assert.Single(db);
        Assert.Equal(p.Address(access), e.Rip);
        Assert.Equal("dr0 I/O match", e.Cause);
        var (disposition, rule) = (profile, gif) switch
        {
            ("apm", 1) => (Disposition.Delivered, "db.io-breakpoint-trap"),
            ("apm", _) => (Disposition.Discarded, "gif0.discard-breakpoint-match"),
            _ => (Disposition.Discarded, "kvm.pio-ignores-io-breakpoints"),
        };
        Assert.True(disposition == e.Disposition, o.Describe());
        Assert.Equal(rule, e.Rule.Id);
        if (disposition == Disposition.Delivered)
        {
            Assert.Equal(p.Address(next), e.DeliveredBefore);
            Assert.Equal(0xFFFF0FF1UL, e.At("dr6"));
        }
        else Assert.Equal(0xFFFF0FF0UL, o.Final("dr6"));
    }

    /// <summary>KVM's skip of the OUT queues the single-step #DB (BS) but reports no I/O match with it.</summary>
    [Theory]
    [InlineData("apm", 0xFFFF4FF1UL)]
    [InlineData("kvm", 0xFFFF4FF0UL)]
    [InlineData("kvm-novgif", 0xFFFF4FF0UL)]
    public void OutWithTrapFlagAndAnIoBreakpoint_ReportsTheMatchOnlyOnTheProcessor(string profile, ulong dr6)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Label io = p.Label(), next = p.Label();
        Snippets.ArmIo(a, Port);
        Snippets.SetTrapFlag(a);
        p.At(ref io);
        a.@out((byte)Port, al);
        p.At(ref next);
        a.hlt();
        p.SingleStepOnceHandler();

        var o = p.Run(profile);

        var db = o.Delivered(EventId.DebugException).ToArray();
        var step = Assert.Single(db);
        Assert.Equal(p.Address(io), step.Rip);
        Assert.Equal(p.Address(next), step.DeliveredBefore);
        Assert.Equal(dr6, step.At("dr6"));
        Assert.Equal(RunEnd.Halted, o.End);
    }

    /// <summary>Each KVM rule of the mechanism decides it: inverted, the #DB comes back.</summary>
    [Theory]
    [InlineData("kvm", "kvm.pio-ignores-io-breakpoints", "kvm.pio-ignores-io-breakpoints")]
    [InlineData("kvm-novgif", "kvm.pio-ignores-io-breakpoints", "kvm.pio-ignores-io-breakpoints")]
    [InlineData("kvm", "kvm.ioio-all-ports", "kvm.db-reinjected-without-gif-check")]
    [InlineData("kvm-novgif", "kvm.ioio-all-ports", "kvm.db-reinjected-without-gif-check")]
    public void InvertingAKvmRuleOfTheMechanism_DeliversTheIoBreakpoint(string profile, string ruleId, string decidedBy)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Label io = p.Label(), next = p.Label();
        Snippets.ArmIo(a, Port);
        p.At(ref io);
        a.@out((byte)Port, al);
        p.At(ref next);
        a.hlt();
        Assert.True(ProfileRegistry.TryGet(profile, out var original));
        var o = X86Machine.Run(p.Image(), original.WithInverted(ruleId)!);
        var db = o.Single(EventId.DebugException);
        Assert.Equal(Disposition.Delivered, db.Disposition);
        Assert.Equal(decidedBy, db.Rule.Id);
        Assert.Equal(p.Address(next), db.DeliveredBefore);
        Assert.Equal(0xFFFF0FF1UL, db.At("dr6"));
    }

    /// <summary>
    /// A guest's OUT through a VMCB the scenario owns (apm) or its vmcb12 (KVM): a port its map marks
    /// exits to the scenario's code with the access in EXITINFO1 and the next RIP in EXITINFO2; an
    /// unmarked port does not (on KVM, L0 completes it without telling L1).
    /// </summary>
    [Theory]
    [InlineData("apm", true)]
    [InlineData("apm", false)]
    [InlineData("kvm", true)]
    [InlineData("kvm", false)]
    [InlineData("kvm-novgif", true)]
    [InlineData("kvm-novgif", false)]
    public void GuestOut_ExitsToTheScenarioOnlyWhenItsMapMarksThePort(string profile, bool marked)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Label io = p.Label(), next = p.Label();
        var map = PlaceMapFirst(p, marked ? Port : (ushort)0x81);
        a.vmrun();
        a.hlt();
        p.At(ref io);
        a.@out((byte)Port, al);
        p.At(ref next);
        a.vmmcall();
        p.Guest(io);
        p.Vmcb["intercept_ioio"] = 1;
        p.Vmcb["iopm_base_pa"] = map;

        var o = p.Run(profile);

        Assert.Equal(RunEnd.Halted, o.End);
        if (!marked)
        {
            Assert.Empty(o.Of(EventId.VmExit(0x7B)));
            Assert.Equal(0x81UL, o.Final.TryReadQword(VmcbAddress + 0x70));
            return;
        }
        var exit = o.Single(EventId.VmExit(0x7B));
        Assert.Equal(p.Address(io), exit.Rip);
        Assert.Equal(0x7BUL, o.Final.TryReadQword(VmcbAddress + 0x70));
        Assert.Equal(OutPort80Info, o.Final.TryReadQword(VmcbAddress + 0x78));
        Assert.Equal(p.Address(next), o.Final.TryReadQword(VmcbAddress + 0x80));
        Assert.Equal(p.Address(io), o.Final.TryReadQword(VmcbAddress + 0x578));
    }

    /// <summary>
    /// Starts the image with a jump over a page of padding and a 12 KiB I/O permissions map at the
    /// next 4 KiB boundary (bits 11:0 of IOPM_BASE_PA are ignored) with only <paramref name="port"/>
    /// marked; returns the map's address.
    /// </summary>
    private static ulong PlaceMapFirst(TestProgram p, ushort port)
    {
        const int jumpLength = 5;
        const int mapOffset = 0x1000;
        const int mapBytes = 12 * 1024;
        var a = p.Asm;
        var skip = mapOffset + mapBytes - jumpLength;
        a.db([0xE9, (byte)skip, (byte)(skip >> 8), (byte)(skip >> 16), (byte)(skip >> 24)]);
        a.db(new byte[mapOffset - jumpLength]);
        var bits = new byte[mapBytes];
        bits[port >> 3] = (byte)(1 << (port & 7));
        a.db(bits);
        return MemoryMap.CodeBase + mapOffset;
    }
}
