using Errata.Scenarios.Assembly;
using Errata.Site.Rendering;
using Iced.Intel;

namespace Errata.Site.Tests.Rendering;

public sealed class AsmHighlighterTests
{
    [Fact]
    public void Tokens_SpellTheFormattedInstruction_WithIcedsKinds()
    {
        var insn = Instruction.Create(Code.Mov_r64_rm64, Register.RAX, new MemoryOperand(Register.RBX, 8));
        var tokens = AsmHighlighter.Tokens(insn);

        Assert.Equal(TextAssembler.Format(insn), string.Concat(tokens.Select(t => t.Text)));
        Assert.Equal(new AsmTokenView("mov", "mnemonic"), tokens[0]);
        Assert.Contains(new AsmTokenView("rax", "register"), tokens);
        Assert.Contains(new AsmTokenView("rbx", "register"), tokens);
        Assert.Contains(new AsmTokenView("8", "number"), tokens);
        Assert.Contains(tokens, t => t is { Text: "[", Kind: "punctuation" });
    }

    [Fact]
    public void PlainText_HasNoClass()
    {
        Assert.Equal("", AsmHighlighter.KindOf(FormatterTextKind.Text));
        Assert.Equal("label", AsmHighlighter.KindOf(FormatterTextKind.LabelAddress));
    }
}
