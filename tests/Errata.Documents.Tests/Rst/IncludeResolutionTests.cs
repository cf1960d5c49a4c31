using Errata.Documents;
using Errata.Documents.Rst;

namespace Errata.Documents.Tests.Rst;

/// <summary>Includes resolve from the including file's real folder, as docutils does, and never leave the source root through a link.</summary>
public sealed class IncludeResolutionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("errata-include-").FullName;

    public IncludeResolutionTests() => Directory.CreateDirectory(Source("sub"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Source(string relative) => Path.Combine(_dir, "docs", relative);

    /// <summary>Reads docs/RELATIVE as the site builder does: a display path the reader must not resolve against.</summary>
    private Syntax.Document Read(string relative, string text) =>
        new RstReader().Read("docs/" + relative, text, new ReadContext(Path.Combine(_dir, "docs")) { DocumentFile = Source(relative) });

    [Fact]
    public void Include_IsRelativeToTheDocument_NotToItsDisplayPath()
    {
        File.WriteAllText(Source("sub/inc.txt"), "Included text.\n");
        var doc = Read("sub/a.rst", ".. include:: inc.txt\n");
        Assert.Empty(doc.Diagnostics);
        Assert.Equal("p: Included text.\n", Outline.FromModel(doc));
    }

    [Fact]
    public void NestedInclude_IsRelativeToTheIncludedFile()
    {
        File.WriteAllText(Source("sub/b.rst"), ".. include:: c.txt\n");
        File.WriteAllText(Source("sub/c.txt"), "Deep.\n");
        var doc = Read("a.rst", ".. include:: sub/b.rst\n\nafter\n");
        Assert.Empty(doc.Diagnostics);
        Assert.Equal("p: Deep.\np: after\n", Outline.FromModel(doc));
    }

    [Fact]
    public void Include_ThroughAFolderLinkOutsideTheRoot_IsRefusedAtTheDirective()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "outside"));
        File.WriteAllText(Path.Combine(_dir, "outside", "secret.txt"), "secret\n");
        Directory.CreateSymbolicLink(Source("etc"), Path.Combine(_dir, "outside"));
        var doc = Read("a.rst", "text\n\n.. include:: etc/secret.txt\n");
        var e = Assert.Single(doc.Diagnostics);
        Assert.Equal("ERR0206", e.Id);
        Assert.Equal(("docs/a.rst", 2), (e.Span.Path, e.Span.Line));
        Assert.DoesNotContain("secret", Outline.FromModel(doc), StringComparison.Ordinal);
    }

    [Fact]
    public void Include_OfAFileLinkOutsideTheRoot_IsRefused()
    {
        File.WriteAllText(Path.Combine(_dir, "secret.txt"), "secret\n");
        File.CreateSymbolicLink(Source("inc.txt"), Path.Combine(_dir, "secret.txt"));
        var doc = Read("a.rst", ".. include:: inc.txt\n");
        Assert.Equal("ERR0206", Assert.Single(doc.Diagnostics).Id);
    }

    [Fact]
    public void Include_OfALinkInsideTheRoot_IsRead()
    {
        File.WriteAllText(Source("sub/real.txt"), "Real.\n");
        File.CreateSymbolicLink(Source("alias.txt"), "sub/real.txt");
        var doc = Read("a.rst", ".. include:: alias.txt\n");
        Assert.Empty(doc.Diagnostics);
        Assert.Equal("p: Real.\n", Outline.FromModel(doc));
    }

    [Fact]
    public void Include_OfALoopOfLinks_SaysSo()
    {
        File.CreateSymbolicLink(Source("l1.txt"), "l2.txt");
        File.CreateSymbolicLink(Source("l2.txt"), "l1.txt");
        var doc = Read("a.rst", ".. include:: l1.txt\n");
        var e = Assert.Single(doc.Diagnostics);
        Assert.Equal("ERR0207", e.Id);
        Assert.Contains("loop", e.Message, StringComparison.Ordinal);
    }
}
