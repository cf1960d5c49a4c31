using Errata.Documents.Rst.Parsers.Inlines;
using Errata.Documents.Syntax;
using System.Text.RegularExpressions;

namespace Errata.Documents.Rst.Parsers;

/// <summary>
/// Hyperlink targets: <c>.. _name:</c> (internal), <c>.. _name: URL</c> (external, the URL
/// may wrap), <c>.. _name: other_</c> (indirect), and anonymous <c>.. __: URL</c> / <c>__ URL</c>.
/// </summary>
internal static partial class TargetParser
{
    /// <param name="markerEnd">Where the text after <c>.. _</c> starts.</param>
    public static bool Parse(RstContext context, LineCursor c, BlockSink sink, int markerEnd)
    {
        var line = c.Current;
        var block = c.ReadIndented(firstIndent: markerEnd, untilBlank: true, stripIndent: false);
        var escaped = Escapes.ToNull(block.Lines[0].Text);
        var index = 0;
        Match m;
        while (!(m = Name().Match(escaped)).Success)
        {
            if (++index >= block.Lines.Count)
            {
                context.Report(RstMarkupErrors.MalformedTarget, line.Span);
                sink.Add(LiteralBlockParser.Literal(block.Lines));
                return block.BlankFinish;
            }
            escaped += Escapes.ToNull(block.Lines[index].Text);
        }
        var rest = new List<string> { (escaped + " ")[m.Length..].Trim() };
        rest.AddRange(block.Lines.Skip(index + 1).Select(l => l.Text));
        var anonymous = m.Groups["anonymous"].Success;
        var name = anonymous ? "" : LinkTable.Normalize(Escapes.Unescape(m.Groups["name"].Value));
        Add(context, sink, line, name, rest);
        return block.BlankFinish;
    }

    public static bool ParseAnonymous(RstContext context, LineCursor c, BlockSink sink, int markerEnd)
    {
        var line = c.Current;
        var block = c.ReadIndented(firstIndent: markerEnd, untilBlank: true);
        Add(context, sink, line, "", [.. block.Lines.Select(l => Escapes.ToNull(l.Text))]);
        return block.BlankFinish;
    }

    /// <summary>docutils' parse_target and make_target.</summary>
    private static void Add(RstContext context, BlockSink sink, RstLine line, string name, List<string> block)
    {
        while (block.Count > 0 && block[^1].Trim().Length == 0) block.RemoveAt(block.Count - 1);
        string? url = null;
        if (block.Count > 0 && block[^1].Trim().EndsWith('_'))
        {
            var reference = string.Join(" ", block.Select(l => l.Trim()));
            if (Reference().Match(LinkTable.Normalize(reference)) is { Success: true } r)
                url = Escapes.Unescape(r.Groups["simple"].Success ? r.Groups["simple"].Value : r.Groups["phrase"].Value) + "_";
        }
        if (url is null && block.Count > 0)
        {
            url = Escapes.Unescape(string.Concat(string.Join(" ", block).Where(ch => !char.IsWhiteSpace(ch))));
            if (url.Length == 0) url = null;
        }
        var id = name.Length > 0 ? Slug.Make(name) : "";
        if (name.Length == 0) context.Links.DefineAnonymous(url ?? "#");
        else context.Links.Define(name, url ?? "#" + id);
        sink.Add(new Target { Name = name, Url = url, Id = id, Span = line.Span });
    }

    [GeneratedRegex(@"^(?:(?<anonymous>_)|(?!_)(?<quote>`?)(?![ `])(?<name>.+?)(?<![\s\0])\k<quote>)(?<!(?<!\0):)(?<![\s\0]) ?:( +|$)")]
    private static partial Regex Name();

    [GeneratedRegex(@"^(?:(?<simple>" + BodyPatterns.SimpleName + @")_|`(?! )(?<phrase>.+?)(?<! )`_)$")]
    private static partial Regex Reference();
}
