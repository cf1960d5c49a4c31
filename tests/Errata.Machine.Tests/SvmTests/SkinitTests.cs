using Errata.Machine.Events;
using Errata.Machine.Profiles;
using Errata.Machine.Tests.Support;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Machine.Tests.SvmTests;

/// <summary>APM 15.4: STGI runs with EFER.SVME=0 where CPUID reports SKINIT; CLGI never does.</summary>
public sealed class SkinitTests
{
    [Theory]
    [InlineData("apm", true)]
    [InlineData("kvm", false)]
    [InlineData("kvm-novgif", false)]
    public void Profiles_ReportSkinitAsDocumented(string profile, bool reported)
    {
        Assert.True(ProfileRegistry.TryGet(profile, out var p));
        Assert.Equal(reported, p.ReportsSkinit);
        Assert.Equal(reported, p.WithInverted("svm.stgi-allowed-with-skinit")?.ReportsSkinit ?? false);
    }

    /// <summary>apm: SKINIT reported, no #UD; kvm: the vGIF gap (no #UD either); kvm-novgif: KVM's #UD.</summary>
    [Theory]
    [InlineData("apm", false)]
    [InlineData("kvm", false)]
    [InlineData("kvm-novgif", true)]
    public void Stgi_WithSvmeClear(string profile, bool undefined)
    {
        var o = Run(profile, gifOn: true);
        Assert.Equal(undefined, o.Of(EventId.Exception(6)).Any());
        if (!undefined) Assert.Equal(1UL, o.Final("gif"));
    }

    [Fact]
    public void Clgi_WithSvmeClear_IsUndefinedOnApmDespiteSkinit()
    {
        var o = Run("apm", gifOn: false);
        Assert.Single(o.Of(EventId.Exception(6)));
    }

    [Fact]
    public void Stgi_WithSvmeClear_WithoutTheSkinitRule_IsUndefined()
    {
        Assert.True(ProfileRegistry.TryGet("apm", out var apm));
        var inverted = apm.WithInverted("svm.stgi-allowed-with-skinit")!;
        var o = X86Machine.Run(Program(gifOn: true).Image(), inverted);
        Assert.Single(o.Of(EventId.Exception(6)));
    }

    private static Outcome Run(string profile, bool gifOn) => Program(gifOn).Run(profile);

    private static TestProgram Program(bool gifOn)
    {
        var p = new TestProgram();
        var a = p.Asm;
        a.clgi();
        Snippets.ClearSvme(a);
        if (gifOn) a.stgi();
        else a.clgi();
        a.hlt();
        return p;
    }
}
