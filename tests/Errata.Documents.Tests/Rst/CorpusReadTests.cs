using Errata.Testing;
using Errata.Documents.Rst;

namespace Errata.Documents.Tests.Rst;

public sealed class CorpusReadTests
{
    public static TheoryData<string> Files() => [.. Corpus.Files()];

    [Fact]
    public void Corpus_HasAll85Files() => Assert.Equal(85, Corpus.Files().Count);

    [Theory]
    [MemberData(nameof(Files))]
    public void Read_CorpusFile_ProducesDocumentWithDiagnosticsInside(string file)
    {
        var text = Corpus.Read(file);
        var doc = new RstReader().Read(file, text, new ReadContext(Corpus.Root));
        Assert.NotEmpty(doc.Children);
        // An included file's diagnostics name that file.
        Assert.All(doc.Diagnostics, d => Assert.InRange(d.Span.Line, 0, LineCount(d.Span.Path == file ? text : Corpus.Read(d.Span.Path))));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Read_CorpusFile_EveryNodeHasASpanInItsFile(string file)
    {
        var text = Corpus.Read(file);
        var doc = new RstReader().Read(file, text, new ReadContext(Corpus.Root));
        foreach (var node in Syntax.NodeWalker.Descendants(doc))
        {
            Assert.False(node.Span.Path is null, $"{node.GetType().Name} has no span");
            Assert.InRange(node.Span.Line, 0, LineCount(node.Span.Path == file ? text : Corpus.Read(node.Span.Path)));
        }
    }

    private static int LineCount(string text) => text.Split('\n').Length;
}
