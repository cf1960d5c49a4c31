using Errata.Documents.Rst.Parsers.Directives;
using Errata.Documents.Rst.Parsers.Inlines;
using Errata.Documents.Syntax;
using System.Text.RegularExpressions;

namespace Errata.Documents.Rst.Parsers;

/// <summary>
/// <c>.. |name| directive:: ...</c>: the directives that make inline content
/// (<c>replace</c>, <c>unicode</c>, <c>date</c>, <c>image</c>); references copy it.
/// </summary>
internal static partial class SubstitutionDefinitionParser
{
    /// <param name="markerEnd">Where the text after <c>.. |</c> starts.</param>
    public static bool Parse(RstContext context, LineCursor c, BlockSink sink, int markerEnd)
    {
        var first = c.Current;
        var start = c.Index;
        var block = c.ReadIndented(firstIndent: markerEnd, stripIndent: false);
        var all = c.Lines.Skip(start).Take(c.Index - start).ToList();
        var text = Escapes.ToNull(block.Lines[0].Text);
        var m = Definition().Match(text);
        if (!m.Success)
        {
            context.Report(RstMarkupErrors.MalformedSubstitutionDefinition, first.Span);
            sink.Add(LiteralBlockParser.Literal(all));
            return block.BlankFinish;
        }
        var name = Escapes.Unescape(m.Groups["name"].Value);
        var directive = m.Groups["directive"].Value.ToLowerInvariant();
        var following = block.Lines.Skip(1).ToList();
        var dedent = following.Where(l => !l.IsBlank).Select(l => l.Indent).DefaultIfEmpty(0).Min();
        var content = new List<RstLine> { first.Dedent(markerEnd + m.Groups["body"].Index) };
        content.AddRange(following.Select(l => l.Dedent(dedent)));
        content.RemoveAll(l => l.IsBlank);
        var definition = new SubstitutionDefinition { Name = name, Span = first.Span };
        switch (directive)
        {
            case "replace":
                context.DeferInlines(definition.Inlines, content);
                break;
            case "unicode":
                definition.Inlines.Add(new Text { Value = UnicodeText(string.Join(" ", content.Select(l => l.Text))), Span = first.Span });
                break;
            case "date":
                var format = string.Join(" ", content.Select(l => l.Text)).Trim();
                definition.Inlines.Add(new Text { Value = DateTime.UtcNow.ToString(format.Length == 0 ? "yyyy-MM-dd" : PythonDate(format), System.Globalization.CultureInfo.InvariantCulture), Span = first.Span });
                break;
            case "image":
                var uri = content.Count > 0 ? content[0].Text.Trim() : "";
                definition.Inlines.Add(new Image { Url = uri, Alt = name, Span = first.Span });
                break;
            default:
                context.Report(RstMarkupErrors.EmptySubstitutionDefinition, first.Span, name);
                sink.Add(LiteralBlockParser.Literal(all));
                return block.BlankFinish;
        }
        context.DefineSubstitution(definition);
        sink.Add(definition);
        return block.BlankFinish;
    }

    /// <summary>The unicode directive: character codes (<c>U+2014</c>, <c>0x2014</c>, <c>&amp;#x2014;</c>, decimal) or text; <c>..</c> starts a comment.</summary>
    private static string UnicodeText(string arguments)
    {
        var comment = arguments.IndexOf(" .. ", StringComparison.Ordinal);
        if (comment >= 0) arguments = arguments[..comment];
        var sb = new System.Text.StringBuilder();
        foreach (var code in arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var hex = CharacterCode().Match(code);
            if (hex.Success && int.TryParse(hex.Groups[1].Value, System.Globalization.NumberStyles.HexNumber, null, out var h) && h <= 0x10FFFF)
                sb.Append(char.ConvertFromUtf32(h));
            else if (code.All(char.IsAsciiDigit) && int.TryParse(code, out var d) && d <= 0x10FFFF)
                sb.Append(char.ConvertFromUtf32(d));
            else sb.Append(code);
        }
        return sb.ToString();
    }

    private static string PythonDate(string format) =>
        format.Replace("%Y", "yyyy").Replace("%m", "MM").Replace("%d", "dd").Replace("%H", "HH").Replace("%M", "mm").Replace("%S", "ss");

    [GeneratedRegex(@"^(?! )(?<name>.+?)(?<![\s\0])\|( +|$)(?:(?<directive>" + BodyPatterns.SimpleName + @") ?::( +|$)(?<body>.*))?$")]
    private static partial Regex Definition();

    [GeneratedRegex(@"^(?:0x|x|\\x|U\+|u|\\u|&#x)([0-9a-fA-F]+);?$", RegexOptions.IgnoreCase)]
    private static partial Regex CharacterCode();
}
