using Errata.Site.Building;
using Errata.Site.Rendering;
using Scriban;

namespace Errata.Site.Tests.Rendering;

/// <summary>`serve` stops rendering the site-wide files when the next save arrives: inside a template's loops and between pages, not only between files.</summary>
public sealed class SupersededRenderTests
{
    [Fact]
    public void ATemplatesLoop_StopsAtItsNextStep_OnceStopped()
    {
        Assert.Equal("xxxxx", Template.Parse("{{ for i in 1..5 }}x{{ end }}").Render(new HtmlTemplateContext()));

        var stopped = Template.Parse("{{ for i in 1..100000000 }}x{{ end }}").Render(new HtmlTemplateContext { Stop = new CancellationToken(canceled: true) });

        Assert.True(stopped.Length <= 1, $"the loop ran on after it was stopped: {stopped.Length} characters");
    }

    [Fact]
    public void TheTemplateSet_Stopped_Throws_RatherThanReturnWhatItCut()
    {
        var templates = TemplateSet.Load(ThemeFiles.Default(), "(default theme)", new Errata.Diagnostics.DiagnosticBag(), Errata.Diagnostics.SourceSpan.None("site.config.json"))!;
        var index = new ScenarioIndexView([], []);

        Assert.Throws<OperationCanceledException>(() => templates.Render("scenarios.html", index, new CancellationToken(canceled: true)));
        Assert.Contains("scenario-index", templates.Render("scenarios.html", index), StringComparison.Ordinal);
    }

    [Fact]
    public void PageWork_Stopped_StartsNoFurtherPage_AndThrows()
    {
        var done = 0;
        Assert.Throws<OperationCanceledException>(() =>
            PageWork.ForEach(Enumerable.Range(0, 100).ToList(), _ => Interlocked.Increment(ref done), new CancellationToken(canceled: true)));
        Assert.Equal(0, done);
    }
}
