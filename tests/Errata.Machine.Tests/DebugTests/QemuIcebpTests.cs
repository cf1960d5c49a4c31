using Errata.Machine.Events;
using Errata.Machine.Profiles;
using Errata.Machine.Tests.Support;

namespace Errata.Machine.Tests.DebugTests;

/// <summary>
/// QEMU 7.2's TCG decoder leaves ICEBP out (rule qemu.icebp-undefined): F1 is an undefined
/// opcode there, a #UD fault at the F1 that no ICEBP intercept catches.
/// </summary>
public sealed class QemuIcebpTests
{
    private static readonly EventId Ud = EventId.Exception(6);

    [Fact]
    public void Icebp_OnQemuTcg_IsUndefinedOpcode_NoDb()
    {
        var p = new TestProgram();
        Iced.Intel.Label icebp = p.Label(), handler = p.Label();
        p.At(ref icebp);
        p.Asm.int1();
        p.Asm.hlt();
        p.At(ref handler);
        p.Asm.hlt();
        p.Handler(Ud, handler);

        var o = p.Run("qemu-tcg");

        var ud = o.Single(Ud);
        Assert.Equal("qemu.icebp-undefined", ud.Rule.Id);
        Assert.Equal(p.Address(icebp), ud.Rip);
        Assert.Equal(p.Address(icebp), ud.Frame!.Rip);
        Assert.Empty(o.Of(EventId.DebugException));
        Assert.Equal(p.Address(handler) + 1, o.Final("rip"));
    }

    [Theory]
    [InlineData("apm", 0x88)]
    [InlineData("qemu-tcg", 0x46)]
    public void IcebpInAGuest_WithTheIcebpAndUdIntercepts_ExitsAsTheProcessorDecodesIt(string profile, int exitCode)
    {
        var p = new TestProgram();
        Iced.Intel.Label guest = p.Label();
        p.Asm.vmrun();
        p.Asm.hlt();
        p.At(ref guest);
        p.Asm.int1();
        p.Asm.vmmcall();
        p.Guest(guest);
        p.Vmcb["intercept_icebp"] = 1;
        p.Vmcb["intercept_exception"] = 6;

        var o = p.Run(profile);

        Assert.Equal(Disposition.Delivered, o.Single(EventId.VmExit(exitCode)).Disposition);
        Assert.Equal((ulong)exitCode, o.Final.TryReadQword(0x460070));
    }

    [Fact]
    public void InvertingQemuIcebpUndefined_DecodesIcebpAgain()
    {
        var p = new TestProgram();
        p.Asm.int1();
        p.Asm.hlt();
        Assert.True(ProfileRegistry.TryGet("qemu-tcg", out var qemu));
        var inverted = qemu.WithInverted("qemu.icebp-undefined");
        Assert.NotNull(inverted);

        var o = X86Machine.Run(p.Image(), inverted!);

        var db = o.Single(EventId.DebugException);
        Assert.Equal(Disposition.Delivered, db.Disposition);
        Assert.Equal("qemu.icebp-undefined", db.Rule.Id);
        Assert.Empty(o.Of(Ud));
    }
}
