using Errata.Site.Building;

namespace Errata.Site.Tests.Building;

/// <summary>A rebuild's writes to the served output: whole files only, and put back when the rebuild fails later.</summary>
public sealed class SiteUpdateWriterTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("errata-update-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public void Restore_PutsBackWhatEachFileHeld_AndRemovesFilesItAdded()
    {
        File.WriteAllText(Path.Combine(_output, "a.html"), "before");
        var writer = new SiteUpdateWriter(_output);

        writer.Write("a.html", "after");
        writer.Write("a.html", "after again");
        writer.Write("sub/new.html", "new");
        Assert.Equal("after again", File.ReadAllText(Path.Combine(_output, "a.html")));
        Assert.Equal(["a.html", "a.html", "sub/new.html"], writer.Written);

        writer.Restore();

        Assert.Equal("before", File.ReadAllText(Path.Combine(_output, "a.html")));
        Assert.False(File.Exists(Path.Combine(_output, "sub", "new.html")));
        // No temporary file is left beside them.
        Assert.Equal([Path.Combine(_output, "a.html")], Directory.EnumerateFiles(_output, "*", SearchOption.AllDirectories));
    }
}
