using Errata.Diagnostics;
using Errata.Scenarios.Running;
using Errata.Scenarios.Tests.Parsing;

namespace Errata.Scenarios.Tests.Running;

public class VmcbSettingsTests
{
    private static (CompiledScenario? Compiled, IReadOnlyList<Diagnostic> Diagnostics) Compile(string body)
    {
        var bag = new DiagnosticBag();
        return (ScenarioCompiler.Compile(ScenarioParserTests.Block(body), ScenarioOptions.Default, bag), bag.Items);
    }

    [Fact]
    public void VmcbKeys_ReachTheImage_AndExceptionVectorsFoldIntoTheBitmap()
    {
        var (c, d) = Compile("vmcb: intercept_intr=1 v_intr_masking=1\nvmcb: intercept_exception=1 intercept_exception=3\ncode:\n  vmrun\n  hlt\nguest:\n  vmmcall\nexpect: halted");
        Assert.Empty(d);
        var vmcb = c!.Image.Vmcb;
        Assert.Equal(1UL, vmcb["intercept_intr"]);
        Assert.Equal(1UL, vmcb["v_intr_masking"]);
        Assert.Equal(0b1010UL, vmcb["intercept_exceptions"]);
        Assert.False(vmcb.ContainsKey("intercept_exception"));
        Assert.NotNull(c.Image.GuestEntry);
    }

    [Theory]
    [InlineData("vmcb: colour=1\ncode:\n  hlt\nguest:\n  vmmcall\nexpect: halted", "ERR0417", 10, 6, 6)]
    [InlineData("vmcb: rflags=lots\ncode:\n  hlt\nguest:\n  vmmcall\nexpect: halted", "ERR0418", 10, 13, 4)]
    [InlineData("vmcb: intercept_exception=40\ncode:\n  hlt\nguest:\n  vmmcall\nexpect: halted", "ERR0418", 10, 26, 2)]
    [InlineData("vmcb: rflags\ncode:\n  hlt\nguest:\n  vmmcall\nexpect: halted", "ERR0416", 10, 6, 6)]
    [InlineData("vmcb: rflags=0x102\ncode:\n  hlt\nexpect: halted", "ERR0419", 10, 6, 6)]
    public void BadVmcbSettings_AreLocated(string body, string id, int line, int column, int length)
    {
        var (c, d) = Compile(body);
        Assert.Null(c);
        var e = Assert.Single(d);
        Assert.Equal((id, line, column, length), (e.Id, e.Span.Line, e.Span.Column, e.Span.Length));
    }
}
