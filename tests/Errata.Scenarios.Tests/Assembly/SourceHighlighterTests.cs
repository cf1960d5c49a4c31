using CsCheck;
using Errata.Scenarios.Assembly;

namespace Errata.Scenarios.Tests.Assembly;

/// <summary>The listing's highlighting: the author's line split into pieces by the assembler's lexer, nothing lost or added.</summary>
public class SourceHighlighterTests
{
    private static string Kinds(IReadOnlyList<SourcePiece> pieces) =>
        string.Join(" ", pieces.Where(p => p.Kind != SourcePieceKind.Plain).Select(p => $"{p.Kind}:{p.Text}"));

    [Fact]
    public void AssemblyLine_NamesLabelMnemonicRegistersNumbersKeywordsAndComment()
    {
        var pieces = SourceHighlighter.Assembly("target: mov qword [rel slot], 0x401 ; arm DR0");
        Assert.Equal("Label:target: Mnemonic:mov Keyword:qword Punctuation:[ Keyword:rel Label:slot Punctuation:] Punctuation:, Number:0x401 Comment:; arm DR0", Kinds(pieces));
    }

    [Fact]
    public void KeyedLine_HasItsKeyAsAKeyword_AndItsCommentApart()
    {
        Assert.Equal("Keyword:expect kvm: Comment:; re-injected", Kinds(SourceHighlighter.Keyed("expect kvm: #DB at target ; re-injected")));
        Assert.Equal("Keyword:handler #DB:", Kinds(SourceHighlighter.Keyed("handler #DB:")));
    }

    [Fact]
    public void Pieces_PutTogether_AreTheLineExactly()
    {
        Gen.String[Gen.Char["abc rdx0x1;:[]+,'\" \t#qwordrel"], 0, 40].Sample(line =>
        {
            Assert.Equal(line, string.Concat(SourceHighlighter.Assembly(line).Select(p => p.Text)));
            Assert.Equal(line, string.Concat(SourceHighlighter.Keyed(line).Select(p => p.Text)));
        });
    }
}
