using Errata.Site.Building;
using Errata.Testing;

namespace Errata.Site.Tests.Building;

/// <summary>`errata build` on a site whose source is the RST corpus: a page for every one of its 85 files.</summary>
public sealed class CorpusSiteTests : IDisposable
{
    private readonly SiteFixture _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public void CorpusSite_WritesAPageForEveryFile()
    {
        var files = Corpus.Files();
        Assert.Equal(Corpus.FileCount, files.Count);
        foreach (var f in files) _site.Doc(f, Corpus.Read(f));

        var result = SiteBuilder.Build(new BuildOptions(_site.ConfigPath));

        Assert.True(result.ExitCode == ExitCode.Ok, string.Join("\n", result.Diagnostics.Where(d => d.Descriptor.IsBadInput(strict: false))));
        foreach (var f in files)
            Assert.True(File.Exists(Path.Combine(_site.Output, Path.ChangeExtension(f, ".html"))), f + " has no page");
        // docutils reports api.rst's malformed table; so does the reader, and the page still renders.
        Assert.Contains(result.Diagnostics, d => d.Span.Path.EndsWith("virt/kvm/api.rst", StringComparison.Ordinal) && d.Severity == Errata.Diagnostics.Severity.Error);
        var api = _site.Page("linux/Documentation/virt/kvm/api.html");
        Assert.Contains("KVM_CREATE_VM", api, StringComparison.Ordinal);
    }

    [Fact]
    public void CorpusSite_StrictBuild_StopsOnMarkupErrors_AndWritesNothing()
    {
        const string api = "linux/Documentation/virt/kvm/api.rst";
        _site.Doc(api, Corpus.Read(api));
        var result = SiteBuilder.Build(new BuildOptions(_site.ConfigPath, Strict: true));
        Assert.Equal(ExitCode.BadInput, result.ExitCode);
        Assert.False(Directory.Exists(_site.Output));
    }
}
