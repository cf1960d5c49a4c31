using Errata.Scenarios.Assembly;
using Iced.Intel;

namespace Errata.Site.Rendering;

/// <summary>
/// Highlights an instruction from Iced's formatter output: the formatter names the kind of
/// every piece it writes, so the listing is coloured exactly as it was formatted, not re-parsed.
/// </summary>
public static class AsmHighlighter
{
    public static IReadOnlyList<AsmTokenView> Tokens(in Instruction instruction)
    {
        var output = new TokenOutput();
        TextAssembler.Format(instruction, output);
        return output.Tokens;
    }

    /// <summary>The highlighting class of a kind of text; plain text (spaces) has none.</summary>
    public static string KindOf(FormatterTextKind kind) => kind switch
    {
        FormatterTextKind.Mnemonic => "mnemonic",
        FormatterTextKind.Prefix or FormatterTextKind.Keyword or FormatterTextKind.Directive or FormatterTextKind.Decorator => "keyword",
        FormatterTextKind.Register => "register",
        FormatterTextKind.Number or FormatterTextKind.SelectorValue or FormatterTextKind.Data => "number",
        FormatterTextKind.Label or FormatterTextKind.LabelAddress or FormatterTextKind.Function or FormatterTextKind.FunctionAddress => "label",
        FormatterTextKind.Punctuation or FormatterTextKind.Operator => "punctuation",
        _ => "",
    };

    private sealed class TokenOutput : FormatterOutput
    {
        public List<AsmTokenView> Tokens { get; } = [];

        public override void Write(string text, FormatterTextKind kind) => Tokens.Add(new AsmTokenView(text, KindOf(kind)));
    }
}
