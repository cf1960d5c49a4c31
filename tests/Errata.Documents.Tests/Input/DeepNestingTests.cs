using System.Text;
using CsCheck;
using Errata.Diagnostics;
using Errata.Documents.Markdown;
using Errata.Documents.Rst;
using Errata.Documents.Syntax;

namespace Errata.Documents.Tests.Input;

/// <summary>
/// Input nested far past <see cref="NestingLimit.MaxDepth"/> reads to a located ERR0120
/// (never an exception or a stack overflow), input within it reads to a tree that renders,
/// and reading stays within memory linear in the input.
/// </summary>
public sealed class DeepNestingTests
{
    private static Document ReadMarkdown(string text) => new MarkdownReader().Read("deep.md", text, new ReadContext("."));

    private static Document ReadRst(string text) => new RstReader().Read("deep.rst", text, new ReadContext("."));

    private static string Render(Document doc) =>
        new DocumentPipelineBuilder().Use(new RstExtension()).Build().CreateRenderer().Render(doc);

    private static int Depth(Node root)
    {
        var deepest = 0;
        var stack = new Stack<(Node Node, int Depth)>([(root, 0)]);
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            deepest = Math.Max(deepest, depth);
            foreach (var child in NodeWalker.Children(node)) stack.Push((child, depth + 1));
        }
        return deepest;
    }

    private static string Repeat(int count, Func<int, string> line) =>
        string.Concat(Enumerable.Range(0, count).Select(line));

    public static TheoryData<string, string, int, int> TooDeepMarkdown => new()
    {
        // Markdig itself refuses these: the place comes from the text.
        { "1,000 block quotes", string.Concat(Enumerable.Repeat("> ", 1000)) + "text\n", 0, 200 },
        { "5,000 block quotes", string.Concat(Enumerable.Repeat("> ", 5000)) + "text\n", 0, 200 },
        { "300 nested list items", Repeat(300, i => new string(' ', 2 * i) + "- item\n"), 50, 100 },
        { "100,000 open brackets", new string('[', 100_000) + "a" + new string(']', 100_000) + "(u)\n", 0, 100 },
        // Markdig reads these: the place is the first node past the limit.
        { "1,000 emphasis delimiters", new string('*', 1000) + "a" + new string('*', 1000) + "\n", 0, 198 },
        { "200,000 emphasis delimiters", new string('*', 100_000) + "a" + new string('*', 100_000) + "\n", 0, 198 },
    };

    [Theory]
    [MemberData(nameof(TooDeepMarkdown))]
    public void Markdown_NestedPastTheLimit_IsALocatedError(string input, string text, int line, int column)
    {
        var doc = ReadMarkdown(text);
        var e = Assert.Single(doc.Diagnostics);
        Assert.True(e.Id == "ERR0120", input + ": " + e);
        Assert.Equal(("deep.md", line, column), (e.Span.Path, e.Span.Line, e.Span.Column));
        Assert.Contains("expected at most 100", e.Message, StringComparison.Ordinal);
        Render(doc);
    }

    [Fact]
    public void Markdown_WithinTheLimit_ReadsAndRenders()
    {
        var doc = ReadMarkdown(string.Concat(Enumerable.Repeat("> ", 90)) + "deep *and **strong***\n");
        Assert.Empty(doc.Diagnostics);
        Assert.Equal(90, doc.Descendants<BlockQuote>().Count());
        var html = Render(doc);
        Assert.Equal(90, html.Split("<blockquote>").Length - 1);
        Assert.Contains("<strong>strong</strong>", html, StringComparison.Ordinal);
    }

    private static readonly Gen<string> NestedMarkdown =
        Gen.Select(
            Pick("> ", "- ", "1. ", "* ").Array[0, 300],
            Pick("*", "**", "_", "[", "![").Array[0, 300],
            (blocks, inlines) => string.Concat(blocks) + string.Concat(inlines) + "x" + string.Concat(inlines.Reverse().Select(Closing)) + "\n");

    private static Gen<string> Pick(params string[] choices) => Gen.Int[0, choices.Length - 1].Select(i => choices[i]);

    private static string Closing(string opener) => opener switch
    {
        "[" or "![" => "](u)",
        _ => opener,
    };

    [Fact]
    public void Markdown_AnyNesting_ReadsToABoundedTreeOrALocatedError()
    {
        NestedMarkdown.Sample(text =>
        {
            var doc = ReadMarkdown(text);
            foreach (var d in doc.Diagnostics)
            {
                Assert.Equal("ERR0120", d.Id);
                Assert.Equal(0, d.Span.Line);
                Assert.InRange(d.Span.Column, 0, text.Length);
            }
            if (doc.Diagnostics.Count == 0) Assert.InRange(Depth(doc), 0, NestingLimit.MaxDepth);
            Render(doc);
        }, iter: 200);
    }

    private static string RstQuotes(int depth) => Repeat(depth, i => new string(' ', i) + new string('x', 100) + "\n\n");

    private static string RstBullets(int depth) => Repeat(depth, i => new string(' ', 2 * i) + "- " + new string('x', 100) + "\n\n");

    public static TheoryData<string, int, int, int> TooDeepRst => new()
    {
        { "quotes", 1000, 200, 100 },
        { "bullets", 1000, 198, 200 },
        { "quotes", 5000, 200, 100 },
    };

    [Theory]
    [MemberData(nameof(TooDeepRst))]
    public void Rst_NestedPastTheLimit_IsALocatedError_InLinearMemory(string shape, int depth, int line, int column)
    {
        var text = shape == "quotes" ? RstQuotes(depth) : RstBullets(depth);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var doc = ReadRst(text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var e = Assert.Single(doc.Diagnostics);
        Assert.Equal("ERR0120", e.Id);
        Assert.Equal(("deep.rst", line, column), (e.Span.Path, e.Span.Line, e.Span.Column));
        // Generous: a copy of the remaining lines per level (the fault this guards) costs hundreds of bytes per input character.
        Assert.InRange(allocated, 0, 40L * text.Length);
        Render(doc);
    }

    [Fact]
    public void Rst_WithinTheLimit_ReadsAndRenders()
    {
        var doc = ReadRst(RstQuotes(90));
        Assert.Empty(doc.Diagnostics);
        Assert.Equal(89, doc.Descendants<BlockQuote>().Count());
        Assert.Equal(89, Render(doc).Split("<blockquote>").Length - 1);
    }
}
