using System.Text;
using Errata.Site.Building;
using Errata.Site.Tests.Building;

namespace Errata.Site.Tests.Rendering;

/// <summary>
/// Pages of any size render whole: Scriban's default limits would cut a page at 1 MiB, or a
/// template's loops, without an error. Each test's content is generated, its last part asserted.
/// </summary>
public sealed class LargePageTests : IDisposable
{
    private readonly SiteFixture _site = new();

    public void Dispose() => _site.Dispose();

    private BuildResult Build()
    {
        var result = SiteBuilder.Build(new BuildOptions(_site.ConfigPath));
        Assert.True(result.ExitCode == ExitCode.Ok, string.Join("\n", result.Diagnostics));
        return result;
    }

    private static void AssertWhole(string html) => Assert.EndsWith("</html>", html.TrimEnd(), StringComparison.Ordinal);

    private static int Count(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    [Fact]
    public void FiveMegabyteDocument_RendersToItsLastSection()
    {
        const int sections = 10_000;
        var paragraph = string.Concat(Enumerable.Repeat("The global interrupt flag holds NMIs while it is clear. ", 9));
        var doc = new StringBuilder("# Big\n\n");
        for (var i = 0; i < sections; i++) doc.Append("## Section ").Append(i).Append("\n\n").Append(paragraph).Append("\n\n");
        Assert.True(doc.Length > 5_000_000, $"the document is {doc.Length} characters");
        _site.Doc("index.md", doc.ToString());

        Build();

        var html = _site.Page("index.html");
        Assert.Contains($"<h2>Section {sections - 1}<a class=\"permalink\"", html, StringComparison.Ordinal);
        Assert.Equal(sections, Count(html, $"<p>{paragraph.TrimEnd()}</p>"));
        AssertWhole(html);
    }

    [Fact]
    public void TenThousandLineScenario_ListsEveryInstruction()
    {
        const int nops = 10_000;
        var doc = new StringBuilder("# Long\n\n```scenario long\nprofiles: apm\nbudget: 20000\ncode:\n");
        for (var i = 0; i < nops; i++) doc.Append("  nop\n");
        doc.Append("last:\n  hlt\nexpect: halted\n```\n\nAfter the scenario.\n");
        _site.Doc("index.md", doc.ToString());

        Build();

        var html = _site.Page("index.html");
        Assert.Equal(nops, Count(html, ">nop</span>"));
        Assert.Contains("<span class=\"asm-label\">last:</span>", html, StringComparison.Ordinal);
        Assert.Contains("After the scenario.", html, StringComparison.Ordinal);
        AssertWhole(html);
    }

    [Fact]
    public void TwoThousandScenarioSite_ScenariosPageHasEveryRow()
    {
        const int documents = 20, perDocument = 100;
        // Titles as long as real claims, so the page is well past Scriban's default 1 MiB.
        var claim = string.Concat(Enumerable.Repeat("the global interrupt flag holds NMI, SMI and INIT while it is clear, ", 8));
        for (var d = 0; d < documents; d++)
        {
            var doc = new StringBuilder($"# Page {d}\n\n");
            for (var s = 0; s < perDocument; s++)
                doc.Append($"```scenario s{d}-{s}\ntitle: {s}: {claim}\nprofiles: apm\ncode:\n  hlt\nexpect: halted\n```\n\n");
            _site.Doc($"p{d:D2}.md", doc.ToString());
        }

        var result = Build();

        Assert.Equal(documents * perDocument, result.Scenarios.Count);
        var index = _site.Page("scenarios.html");
        Assert.True(index.Length > 1 << 20, $"the scenarios page is {index.Length} characters");
        Assert.Equal(documents * perDocument, Count(index, "<td class=\"verdict holds\" data-profile=\"apm\">"));
        Assert.Contains($"<code class=\"scenario-name\">s{documents - 1}-{perDocument - 1}</code>", index, StringComparison.Ordinal);
        AssertWhole(index);
        AssertWhole(_site.Page($"p{documents - 1:D2}.html"));
    }

    [Fact]
    public void TemplateThatHitsALimit_IsAnErrorAtTheDocument_NotACutPage()
    {
        // A function that calls itself forever reaches Scriban's recursion limit.
        File.WriteAllText(Path.Combine(_site.Root, "templates", "layout.html"), "<html>{{ func deeper; deeper; end; deeper }}</html>");
        _site.Doc("index.md", "# Index\n");

        var result = SiteBuilder.Build(new BuildOptions(_site.ConfigPath));

        Assert.Equal(ExitCode.BadInput, result.ExitCode);
        var e = Assert.Single(result.Diagnostics);
        Assert.Equal("ERR0804", e.Id);
        Assert.EndsWith("docs/index.md", e.Span.Path, StringComparison.Ordinal);
        Assert.Contains("templates/layout.html(1,", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_site.Output));
    }

    [Fact]
    public void ScenarioPartialThatFails_IsAnErrorAtTheScenarioBlock()
    {
        File.WriteAllText(Path.Combine(_site.Root, "templates", "partials", "scenario.html"), "{{ func deeper; deeper; end; deeper }}");
        _site.Doc("index.md", "# Index\n\nText.\n\n```scenario ok\nprofiles: apm\ncode:\n  hlt\nexpect: halted\n```\n");

        var result = SiteBuilder.Build(new BuildOptions(_site.ConfigPath));

        Assert.Equal(ExitCode.BadInput, result.ExitCode);
        var e = Assert.Single(result.Diagnostics);
        Assert.Equal(("ERR0804", 4), (e.Id, e.Span.Line));
        Assert.Contains("templates/partials/scenario.html(1,", e.Message, StringComparison.Ordinal);
    }
}
