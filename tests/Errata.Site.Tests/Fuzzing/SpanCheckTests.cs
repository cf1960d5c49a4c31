using Errata.Diagnostics;
using Errata.Testing.Fuzzing;

namespace Errata.Site.Tests.Fuzzing;

/// <summary>What the campaign counts as a located diagnostic.</summary>
public sealed class SpanCheckTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("errata-spancheck-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (SpanCheck Check, string Path) With(string text)
    {
        var path = Path.Combine(_folder, "a.md");
        File.WriteAllText(path, text);
        return (new SpanCheck([path]), path);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 3)]
    [InlineData(2, 0)]
    public void Problem_SpanInsideTheFile_IsNone(int line, int column)
    {
        var (check, path) = With("ab\nxyz\n");
        Assert.Null(check.Problem(new SourceSpan(path, line, column, 1)));
    }

    [Theory]
    [InlineData(3, 0)]
    [InlineData(-1, 0)]
    [InlineData(0, 3)]
    [InlineData(1, -1)]
    public void Problem_SpanOutsideTheText_IsReported(int line, int column)
    {
        var (check, path) = With("ab\nxyz\n");
        Assert.NotNull(check.Problem(new SourceSpan(path, line, column, 1)));
    }

    [Fact]
    public void Problem_LoneCarriageReturns_CountAsLineBreaks()
    {
        var (check, path) = With("a\rb\rc");
        Assert.Null(check.Problem(new SourceSpan(path, 2, 1, 0)));
    }

    [Fact]
    public void Problem_NextLineAndLineSeparator_AreNotLineBreaks()
    {
        var (check, path) = With("a\u0085b\u2028c\rlast line");
        Assert.Null(check.Problem(new SourceSpan(path, 1, 9, 0)));
        Assert.NotNull(check.Problem(new SourceSpan(path, 2, 0, 0)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("elsewhere.md")]
    public void Problem_PathThatIsNotASiteFile_IsReported(string path)
    {
        var (check, _) = With("text\n");
        Assert.NotNull(check.Problem(new SourceSpan(path, 0, 0, 0)));
    }
}
