namespace Errata.Cli.Tests;

/// <summary>
/// An RST include is read beside the including document, as docutils does, whatever the working
/// folder: the document's display path (docs/guide/page.rst) is not where includes start.
/// </summary>
public sealed class IncludeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("errata-include-").FullName;

    public IncludeTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "docs", "guide"));
        File.WriteAllText(Path.Combine(_dir, "site.config.json"), "{}");
        File.WriteAllText(Path.Combine(_dir, "docs", "guide", "page.rst"), "Page\n====\n\n.. include:: part.txt\n");
        File.WriteAllText(Path.Combine(_dir, "docs", "guide", "part.txt"),
            ".. scenario:: included\n   :profiles: apm\n\n   code:\n       hlt\n   expect: halted\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("check")]
    [InlineData("run", "docs/guide/page.rst")]
    public void Include_BesideTheDocument_IsRead_FromTheSiteRoot(params string[] args)
    {
        var (exit, stdout, err) = CliRunner.Run(_dir, args);
        Assert.True(exit == 0, err);
        Assert.Contains(args[0] == "check" ? "1 of 1 claim(s) hold" : "included", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void DiagnosticsOfAnIncludedFile_NameItAsTheSiteNamesDocuments()
    {
        File.WriteAllText(Path.Combine(_dir, "docs", "guide", "part.txt"),
            ".. scenario:: included\n   :profiles: apm\n\n   code:\n       movz rax, 1\n   expect: halted\n");
        var (exit, _, err) = CliRunner.Run(_dir, "check");
        Assert.Equal(2, exit);
        Assert.Contains("docs/guide/part.txt(5,8): error ERR0301", err, StringComparison.Ordinal);
    }
}
