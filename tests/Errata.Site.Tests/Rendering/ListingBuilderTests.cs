using Errata.Diagnostics;
using Errata.Documents.Syntax;
using Errata.Scenarios.Running;
using Errata.Site.Rendering;

namespace Errata.Site.Tests.Rendering;

/// <summary>The listing is the body as written, every line that assembled carrying its address and bytes.</summary>
public sealed class ListingBuilderTests
{
    private const string Body = """
        title: counts #BP ; why it matters
        code:
          int3            ; the handler counts it
          hlt
        handler #BP:
          inc qword [rel hits]
          iretq
        data:
        hits: dq 0
        expect: [hits] = 1
        """;

    private static List<ListingLineView> Listing()
    {
        var lines = Body.Split('\n');
        var block = new ScenarioBlock
        {
            Name = "counts",
            Span = new SourceSpan("doc.md", 4, 0, 3),
            Lines = lines.Select((t, i) => new SourceLine(t, new SourceSpan("doc.md", 5 + i, 0, t.Length))).ToList(),
        };
        var bag = new DiagnosticBag();
        var compiled = ScenarioCompiler.Compile(block, ScenarioOptions.Default, bag);
        Assert.True(compiled is not null, string.Join("\n", bag.Items));
        return ListingBuilder.Build(compiled);
    }

    private static string Text(ListingLineView line) => string.Concat(line.Tokens.Select(t => t.Text));

    [Fact]
    public void EveryLine_IsShownAsWritten_InOrder_WithItsDocumentLine()
    {
        var listing = Listing();
        Assert.Equal(Body.Split('\n'), listing.Select(Text));
        Assert.Equal(Enumerable.Range(6, listing.Count), listing.Select(l => l.Line));
        Assert.Contains(listing, l => l.Tokens.Any(t => t is { Kind: "comment", Text: "; the handler counts it" }));
    }

    [Fact]
    public void AssembledLines_HaveAddressAndBytes_OthersNone()
    {
        var listing = Listing();
        var int3 = listing[2];
        Assert.Equal(("0x401000", "cc"), (int3.Address, int3.Bytes));
        var hits = listing.Single(l => Text(l) == "hits: dq 0");
        Assert.Equal("00 00 00 00 00 00 00 00", hits.Bytes);
        Assert.StartsWith("0x", hits.Address, StringComparison.Ordinal);
        var inc = listing.Single(l => Text(l).Contains("inc", StringComparison.Ordinal));
        Assert.StartsWith("48 ff 05", inc.Bytes, StringComparison.Ordinal);
        foreach (var header in new[] { 0, 1, 4, 7, 9 })
            Assert.Equal(("", ""), (listing[header].Address, listing[header].Bytes));
    }
}
