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
        [
            new ListingLineView(13, "", "", [new AsmTokenView("code:", "keyword")]),
            new ListingLineView(14, "0x401000", "0f 01 dd", [new AsmTokenView("start:", "label"), new AsmTokenView(" ", ""), new AsmTokenView("clgi", "mnemonic"), new AsmTokenView(" ; GIF=0 from here", "comment")]),
        ],
        ["apm", "kvm"],
        [
            new ClaimRowView("no nmi", 20, true, [
                new CellView("apm", "holds", "no nmi delivered", "none", ""),
                new CellView("kvm", "fails", "no nmi delivered", "nmi delivered at start", "scenario-nmi-held-kvm-event-0"),
            ]),
        ],
        [new GapView("NMI", "APM: pending; KVM: delivered")],
        new GapTableView("scenario-nmi-held-gaps", "Gaps by profile", false, ["apm", "kvm"], [
            new GapTableRowView("nmi pending until b", 21, "moved", "nmi-held", "NMI is held", "#scenario-nmi-held", [
                new GapCellView("apm", "holds", true, true, "nmi held", "#scenario-nmi-held-trace-apm"),
                new GapCellView("kvm", "holds", true, false, "nmi held", "#scenario-nmi-held-trace-kvm"),
            ]),
        ]),
        [
            new TraceView("scenario-nmi-held-trace-apm", "apm", "the reference", "halted", 3, "2026-01-02", false, [], ProfileUrl: "../rules.html#profile-apm"),
            new TraceView("scenario-nmi-held-trace-kvm", "kvm", "KVM with vGIF", "halted", 4, "", true,
                [new EventView("scenario-nmi-held-kvm-event-0", 0, "NMI", "injected", "delivered", "0x401000", "start", "", "kvm.rule", "KVM delivers it.", "svm.c", "../rules.html#rule-kvm.rule",
                    [new StateFieldView("GIF", "0"), new StateFieldView("V_GIF", "0"), new StateFieldView("DR7", "0x400")], "its handler ran 2 instructions")],
                ProfileUrl: "../rules.html#profile-kvm"),
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
    public void TraceOfTheFailingProfile_IsOpen_AndARunWithoutEvents_IsOneLine()
    {
        var html = Render(Failed());
        Assert.Contains("<details class=\"trace\" id=\"scenario-nmi-held-trace-kvm\" open>", html, StringComparison.Ordinal);
        // Nothing to expand: the run's end and that it raised nothing, under the same anchor.
        Assert.Contains("<p class=\"trace no-events\" id=\"scenario-nmi-held-trace-apm\">Trace on <strong>apm</strong>: halted after 3 instructions; no events were raised.</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<details class=\"trace\" id=\"scenario-nmi-held-trace-apm\"", html, StringComparison.Ordinal);
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
    public void Listing_IsTheAuthorsText_WithAddressesAndBytesBehindAToggle()
    {
        var html = Render(Failed());
        // One line per line written, comments kept; address and bytes in their own spans, which the toggle shows.
        Assert.Contains("<input type=\"checkbox\" class=\"listing-toggle\" id=\"scenario-nmi-held-bytes\"><label for=\"scenario-nmi-held-bytes\">addresses and bytes</label>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"listing-line\" data-line=\"14\"><span class=\"asm-addr\">0x401000</span><span class=\"asm-bytes\">0f 01 dd</span><span class=\"asm-label\">start:</span> <span class=\"asm-mnemonic\">clgi</span><span class=\"asm-comment\"> ; GIF=0 from here</span></span>\n</code></pre>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"asm-keyword\">code:</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Provenance_DatesOnlyTheProfilesWhereEverythingHolds()
    {
        var html = Render(Failed());
        Assert.Contains("machine build <code>1+abc</code>", html, StringComparison.Ordinal);
        // Each profile links to what it models, on the rules page.
        Assert.Contains("<a href=\"../rules.html#profile-apm\"><strong>apm</strong></a>: verified <time datetime=\"2026-01-02\">2026-01-02</time>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"../rules.html#profile-kvm\"><strong>kvm</strong></a>: <span class=\"not-verified\">not verified", html, StringComparison.Ordinal);
        Assert.DoesNotContain("datetime=\"\"", html, StringComparison.Ordinal);
        Assert.Contains("APM: pending; KVM: delivered", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TraceEvent_ShowsGifVGifAndDr7_AndWhatItsHandlerRan()
    {
        var html = Render(Failed());
        Assert.Contains("raised at <code>GIF=0</code>, <code>V_GIF=0</code>, <code>DR7=0x400</code>", html, StringComparison.Ordinal);
        Assert.Contains("; its handler ran 2 instructions", html, StringComparison.Ordinal);
    }

    [Fact]
    public void GapLine_ThatMoved_IsMarked_AndEachCellLeadsToItsTrace()
    {
        var html = Render(Failed());
        Assert.Contains("<code>nmi pending until b</code> <span class=\"gap-state\">gap moved</span>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"gap-cell gap-holds fails\"><a href=\"#scenario-nmi-held-trace-kvm\" title=\"nmi held\">holds</a> <span class=\"verdict-word\">not as stated</span></td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"gap-cell gap-holds\"><a href=\"#scenario-nmi-held-trace-apm\"", html, StringComparison.Ordinal);
        // On its own scenario the table needs no column naming the scenario.
        Assert.DoesNotContain("<th scope=\"col\">scenario</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AuthorText_IsEscapedEverywhere()
    {
        var html = Render(Failed("<script>alert(1)</script>"));
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }
}
