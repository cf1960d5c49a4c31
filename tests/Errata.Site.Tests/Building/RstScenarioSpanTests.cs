using Errata.Site.Building;

namespace Errata.Site.Tests.Building;

/// <summary>
/// A scenario diagnostic in an RST document points at the text it concerns as the file holds
/// it: tabs count one column (not the 8-column stops docutils expands them to), and an
/// option value's continuation line is its own line.
/// </summary>
public sealed class RstScenarioSpanTests : IDisposable
{
    private readonly SiteFixture _site = new();

    public void Dispose() => _site.Dispose();

    public static TheoryData<string, string, string, int, int, string> Cases() => new()
    {
        // Two tabs, then three spaces: 'pop ax' is the 10th character of line 4.
        { "tab-indented instruction", ".. scenario:: s1\n\n   code:\n\t\t   l3: pop ax\n", "ERR0305", 3, 9, "pop ax" },
        { "tab-indented unknown header key", ".. scenario:: s\n\n   profiles: apm\n  \tcolour: red\n   code:\n     hlt\n   expect: halted\n", "ERR0401", 3, 3, "colour" },
        { "tab-indented bad budget", ".. scenario:: s\n\n   profiles: apm\n  \tbudget: lots\n   code:\n     hlt\n   expect: halted\n", "ERR0404", 3, 11, "lots" },
        { "tab-indented stray line", ".. scenario:: s\n\n   profiles: apm\n  \tjunk\n   code:\n     hlt\n   expect: halted\n", "ERR0409", 3, 3, "junk" },
        { "tab inside an option line", ".. scenario:: s\n   :profiles:\tapm xen\n\n   code:\n     hlt\n   expect: halted\n", "ERR0403", 1, 18, "xen" },
        { "profile on a continuation line", ".. scenario:: s1\n   :profiles: AP   start:  nop\n           mov ah, start * 180\n\n   code:\n     hlt\n", "ERR0403", 2, 11, "mov" },
        { "VMCB setting on a continuation line", ".. scenario:: s\n   :profiles: apm\n   :vmcb: intercept_db=1\n      bogus\n\n   code:\n     hlt\n   expect: halted\n", "ERR0416", 3, 6, "bogus" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Diagnostic_PointsAtItsTextInTheFile(string what, string document, string id, int line, int column, string text)
    {
        _site.Doc("index.rst", document);
        var result = SiteBuilder.Build(new BuildOptions(_site.ConfigPath));
        Assert.Equal(ExitCode.BadInput, result.ExitCode);
        var e = result.Diagnostics.First(d => d.Id == id && d.Message.Contains($"'{text}'", StringComparison.Ordinal));
        Assert.True((line, column) == (e.Span.Line, e.Span.Column), $"{what}: {e}");
        var fileLine = document.Split('\n')[e.Span.Line];
        Assert.Equal(text, fileLine.Substring(e.Span.Column, text.Length));
    }
}
