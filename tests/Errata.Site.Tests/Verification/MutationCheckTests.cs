using Errata.Site.Building;
using Errata.Site.Tests.Building;

namespace Errata.Site.Tests.Verification;

/// <summary>
/// `check --mutate`: a claim no inverted rule can make fail is reported and fails the check,
/// unless marked deliberate with a reason; a mark on a claim a mutation does fail is a warning.
/// </summary>
public sealed class MutationCheckTests : IDisposable
{
    private readonly SiteFixture _site = new();

    public void Dispose() => _site.Dispose();

    // At GIF=0 the APM discards a breakpoint match (gif0.discard-breakpoint-match): inverting that rule delivers the #DB.
    private const string Decided = "```scenario decided\nprofiles: apm\ncode:\n  mov rax, t\n  mov dr0, rax\n  mov rax, 0x401\n  mov dr7, rax\n  clgi\nt: nop\n  stgi\n  hlt\nexpect: #DB discarded\n```\n";

    private BuildResult Mutate(string claimLine, bool strict = false)
    {
        _site.Doc("index.md", "# Page\n\n" + Decided.Replace("expect: #DB discarded", claimLine, StringComparison.Ordinal));
        return SiteBuilder.Build(new BuildOptions(_site.ConfigPath, WriteSite: false, Strict: strict) { Mutate = true });
    }

    [Fact]
    public void AClaimARuleDecides_PassesTheMutationCheck()
    {
        var r = Mutate("expect: #DB discarded");
        Assert.True(r.ExitCode == ExitCode.Ok, string.Join("\n", r.Diagnostics));
        Assert.DoesNotContain(r.Diagnostics, d => d.Descriptor == SiteErrors.CannotFail);
    }

    [Fact]
    public void AClaimThatHoldsUnderEveryMutation_CannotFail_AndFailsTheCheck()
    {
        // rbx is never written: no rule decides it.
        var r = Mutate("expect: #DB discarded\nexpect: rbx = 0");
        Assert.Equal(ExitCode.ClaimsFailed, r.ExitCode);
        var d = Assert.Single(r.Diagnostics, d => d.Descriptor == SiteErrors.CannotFail);
        Assert.Equal("ERR1100", d.Id);
        Assert.Equal(14, d.Span.Line);
        Assert.Contains("'rbx = 0'", d.Message, StringComparison.Ordinal);
        Assert.Contains("1 inverted rule(s) tried", d.Message, StringComparison.Ordinal);
        Assert.EndsWith("1 claim(s) cannot fail under any mutation", r.Outcome.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutMutate_TheSameClaimsPass()
    {
        _site.Doc("index.md", "# Page\n\n" + Decided.Replace("expect: #DB discarded", "expect: rbx = 0", StringComparison.Ordinal));
        Assert.Equal(ExitCode.Ok, SiteBuilder.Build(new BuildOptions(_site.ConfigPath, WriteSite: false)).ExitCode);
    }

    [Fact]
    public void AScenarioWithoutEvents_HasNoMutation_AndItsClaimsCannotFail()
    {
        _site.Doc("index.md", "# Page\n\n```scenario quiet\nprofiles: apm\ncode:\n  hlt\nexpect: halted\n```\n");
        var r = SiteBuilder.Build(new BuildOptions(_site.ConfigPath, WriteSite: false) { Mutate = true });
        var d = Assert.Single(r.Diagnostics, d => d.Descriptor == SiteErrors.CannotFail);
        Assert.Contains("no rule decided an event", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMarkedClaim_IsNotReported()
    {
        var r = Mutate("expect: #DB discarded\nexpect: rbx = 0   ; deliberate: the handler must leave rbx alone");
        Assert.True(r.ExitCode == ExitCode.Ok, string.Join("\n", r.Diagnostics));
        Assert.Empty(r.Diagnostics);
    }

    [Fact]
    public void AMarkOnAClaimThatCanFail_IsAWarning_AndUnderStrictStillNotBadInput()
    {
        var r = Mutate("expect: #DB discarded   ; deliberate: says nothing");
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(SiteErrors.DeliberateCanFail, d.Descriptor);
        Assert.Contains("apm", d.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCode.Ok, r.ExitCode);
        Assert.Equal(ExitCode.Ok, Mutate("expect: #DB discarded   ; deliberate: says nothing", strict: true).ExitCode);
    }

    [Fact]
    public void AMarkWithoutAReason_IsBadInput_AtTheKeyword()
    {
        var r = Mutate("expect: #DB discarded   ;   deliberate:   ");
        Assert.Equal(ExitCode.BadInput, r.ExitCode);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal("ERR1101", d.Id);
        Assert.Equal(28, d.Span.Column);
    }

    [Fact]
    public void AnOrdinaryComment_IsNoMark()
    {
        var r = Mutate("expect: #DB discarded\nexpect: rbx = 0 ; rbx stays 0, deliberate: no");
        Assert.Single(r.Diagnostics, d => d.Descriptor == SiteErrors.CannotFail);
    }
}
