using Errata.Documents;
using Errata.Diagnostics;
using Errata.Documents.Rst;
using Errata.Documents.Syntax;
using Errata.Site.Building;

namespace Errata.Site.Tests.Building;

/// <summary>:doc:, :ref: and toctree entries resolve across the site's pages, by title, with a located warning when they name nothing.</summary>
public sealed class CrossReferenceTests
{
    private static Page Rst(string relative, string text) =>
        new(new RstReader().Read(relative, text, new ReadContext(".")), relative);

    private static (List<Page> Pages, DiagnosticBag Bag) Resolve(params Page[] pages)
    {
        var bag = new DiagnosticBag();
        CrossReferences.Resolve(pages, bag);
        return ([.. pages], bag);
    }

    private static List<Link> Links(Page page) => [.. page.Document.Descendants<Link>()];

    [Fact]
    public void Doc_LinksToThePage_ShownByItsTitle_RelativeToTheLinkingPage()
    {
        var (pages, bag) = Resolve(
            Rst("guide/intro.rst", "Intro\n=====\n\nSee :doc:`../errata/gif` and :doc:`the index </index>`.\n"),
            Rst("errata/gif.rst", "GIF and NMIs\n============\n\ntext\n"),
            Rst("index.rst", "Home\n====\n"));
        Assert.Empty(bag.Items);
        var links = Links(pages[0]);
        Assert.Equal(["../errata/gif.html", "../index.html"], links.Select(l => l.Url));
        Assert.Equal(["GIF and NMIs", "the index"], links.Select(l => Slug.PlainText(l.Children)));
    }

    [Fact]
    public void Ref_LinksToTheSectionAfterTheLabel_InAnyPage_ShownByTheSectionTitle()
    {
        var (pages, bag) = Resolve(
            Rst("a.rst", "A\n=\n\nSee :ref:`vgif-rules` and :ref:`here <Local Label>`.\n\n.. _local label:\n\nLocal part\n----------\n"),
            Rst("b/b.rst", "B\n=\n\nintro\n\nOther\n-----\n\ntext\n\n.. _vgif-rules:\n\nvGIF rules\n----------\n"));
        Assert.Empty(bag.Items);
        var links = Links(pages[0]);
        Assert.Equal(["b/b.html#vgif-rules", "#local-part"], links.Select(l => l.Url));
        Assert.Equal(["vGIF rules", "here"], links.Select(l => Slug.PlainText(l.Children)));
    }

    [Fact]
    public void UnknownTargets_AreLocatedWarnings_AndKeepTheirText()
    {
        var (pages, bag) = Resolve(Rst("a.rst", "A\n=\n\nSee :ref:`nowhere`\nand :doc:`missing`.\n\n.. toctree::\n\n   gone\n"));
        Assert.Equal(["ERR0212", "ERR0213", "ERR0214"], bag.Items.Select(d => d.Descriptor.Id).Order());
        var label = bag.Items.Single(d => d.Descriptor.Id == "ERR0212");
        Assert.Equal((3, 4), (label.Span.Line, label.Span.Column));
        Assert.Equal(Severity.Warning, label.Descriptor.Severity);
        Assert.Contains("'nowhere'", label.Message, StringComparison.Ordinal);
        Assert.Equal(4, bag.Items.Single(d => d.Descriptor.Id == "ERR0213").Span.Line);
        Assert.Empty(Links(pages[0]));
        Assert.Equal(2, pages[0].Document.Descendants<InterpretedText>().Count());
    }

    [Fact]
    public void TocTree_ShowsEachPageByTitle_UnlessTheEntryHasItsOwn()
    {
        var (pages, _) = Resolve(
            Rst("index.rst", "Home\n====\n\n.. toctree::\n\n   guide/start\n   Errata list <errata>\n"),
            Rst("guide/start.rst", "Getting started\n===============\n"),
            Rst("errata.rst", "Errata\n======\n"));
        var toc = pages[0].Document.Descendants<TocTree>().Single();
        Assert.Equal([new TocTreeLink("guide/start.html", "Getting started"), new TocTreeLink("errata.html", "Errata list")], toc.Links);
        var html = SitePipeline.Create().CreateRenderer().Render(toc);
        Assert.Contains("<a href=\"guide/start.html\">Getting started</a>", html, StringComparison.Ordinal);
    }
}
