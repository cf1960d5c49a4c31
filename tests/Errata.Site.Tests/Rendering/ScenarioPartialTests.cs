using Errata.Diagnostics;
using Errata.Site.Rendering;
using Errata.Testing;

namespace Errata.Site.Tests.Rendering;

/// <summary>The theme's scenario partial rendered from hand-made views: what a reader sees of a failed claim.</summary>
public sealed class ScenarioPartialTests
{
    private static readonly TemplateSet Templates =
        TemplateSet.Load(Path.Combine(RepositoryRoot.Path, "templates"), "templates", new DiagnosticBag())!;

    private static ScenarioView Failed(string title = "NMI is held while GIF=0") => new(
        "nmi-held",
        "scenario-nmi-held",
        title,
        4,
        "on kvm (1 of 2 checks fail)",
        "errata/nmi.md:12",
        [new CodeLineView("code", "0x401000", "0f 01 dd", [new AsmTokenView("clgi", "mnemonic")], "start")],
        ["apm", "kvm"],
        [
            new ClaimRowView("no nmi", 20, true, [
                new CellView("apm", "holds", "no nmi delivered", "none", ""),
                new CellView("kvm", "fails", "no nmi delivered", "nmi delivered at start", "scenario-nmi-held-kvm-event-0"),
            ]),
        ],
        [new GapView("NMI", "APM: pending; KVM: delivered")],
        [
            new TraceView("scenario-nmi-held-trace-apm", "apm", "the reference", "halted", 3, "2026-01-02", false, []),
            new TraceView("scenario-nmi-held-trace-kvm", "kvm", "KVM with vGIF", "halted", 4, "2026-01-03", true,
                [new EventView("scenario-nmi-held-kvm-event-0", 0, "NMI", "injected", "delivered", "0x401000", "start", "", "kvm.rule", "KVM delivers it.", "svm.c", "../rules.html#rule-kvm.rule")]),
        ],
        true,
        "1+abc");

    private static string Render(ScenarioView view) => Templates.Render("partials/scenario.html", view);

    [Fact]
    public void FailedClaim_IsMarked_WithExpectedAgainstObserved_AndALinkToTheFirstDivergentEvent()
    {
        var html = Render(Failed());
        Assert.Contains("<section class=\"scenario failed\" id=\"scenario-nmi-held\"", html, StringComparison.Ordinal);
        Assert.Contains("Claim failed</strong> on kvm (1 of 2 checks fail)", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"verdict-expected\">expected no nmi delivered</span>; <span class=\"verdict-observed\">observed nmi delivered at start</span>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#scenario-nmi-held-kvm-event-0\">first divergent event</a>", html, StringComparison.Ordinal);
        Assert.Contains("<li id=\"scenario-nmi-held-kvm-event-0\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TraceOfTheFailingProfile_IsOpen_OthersCollapsed()
    {
        var html = Render(Failed());
        Assert.Contains("<details class=\"trace\" id=\"scenario-nmi-held-trace-kvm\" open>", html, StringComparison.Ordinal);
        Assert.Contains("<details class=\"trace\" id=\"scenario-nmi-held-trace-apm\">", html, StringComparison.Ordinal);
        Assert.Contains("No events were raised.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Heading_TakesTheLevelItIsGiven_AndCarriesAPermalink()
    {
        var html = Render(Failed());
        Assert.Contains("<h4 class=\"scenario-title\" id=\"scenario-nmi-held-title\">", html, StringComparison.Ordinal);
        Assert.Contains("</h4>", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"permalink\" href=\"#scenario-nmi-held\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_IsHighlightedByToken_AndProvenanceNamesMachineProfilesAndDates()
    {
        var html = Render(Failed());
        // One line per instruction, its label on the line before, and no blank line.
        Assert.Contains("<pre tabindex=\"0\"><code><span class=\"asm-label\">start:</span>\n<span class=\"asm-addr\">0x401000</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"asm-mnemonic\">clgi</span></span>\n</code></pre>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"asm-mnemonic\">clgi</span>", html, StringComparison.Ordinal);
        Assert.Contains("machine build <code>1+abc</code>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>kvm</strong>: KVM with vGIF; verified <time datetime=\"2026-01-03\">2026-01-03</time>", html, StringComparison.Ordinal);
        Assert.Contains("APM: pending; KVM: delivered", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AuthorText_IsEscapedEverywhere()
    {
        var html = Render(Failed("<script>alert(1)</script>"));
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }
}
