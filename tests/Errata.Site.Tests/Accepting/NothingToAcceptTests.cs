using Errata.Site.Accepting;
using Errata.Site.Building;
using Errata.Site.Config;

namespace Errata.Site.Tests.Accepting;

/// <summary>A document without scenarios is bad input for accept, and says so, rather than failing silently.</summary>
public sealed class NothingToAcceptTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("errata-accept-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ADocumentWithoutScenarios_IsBadInput_NamingTheFile()
    {
        var file = Path.Combine(_dir, "prose.md");
        File.WriteAllText(file, "# Prose\n\nNo scenario here.\n");
        var result = Acceptor.Accept(file, new SiteConfig(), new AcceptOptions());
        Assert.Equal(ExitCode.BadInput, result.ExitCode);
        Assert.Null(result.NewText);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(SiteErrors.NothingToAccept, error.Descriptor);
        Assert.EndsWith("prose.md", error.Span.Path, StringComparison.Ordinal);
        Assert.Contains("no scenario", error.Message, StringComparison.Ordinal);
    }
}
