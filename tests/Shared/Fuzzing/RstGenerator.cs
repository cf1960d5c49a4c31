namespace Errata.Testing.Fuzzing;

/// <summary>reStructuredText documents: sections, lists, grid and simple tables, directives (scenario among them), inline markup, deep nesting.</summary>
internal static class RstGenerator
{
    private static readonly string[] Directives =
        ["note", "warning", "admonition", "topic", "sidebar", "code-block", "image", "figure", "table", "list-table", "flat-table", "toctree",
         "contents", "raw", "role", "class", "epigraph", "parsed-literal", "math", "line-block", "container", "only", "nosuch", "include"];
    private static readonly string[] Adornments = ["=", "-", "~", "^", "\"", "*", "+", "#"];

    public static string Document(FuzzRandom r, Func<string> scenarioName, IReadOnlyList<string> siblings)
    {
        var sb = new System.Text.StringBuilder();
        if (r.Chance(0.7)) Title(r, sb, "=", overline: true);
        for (var i = r.Between(1, 8); i > 0; i--) Block(r, sb, scenarioName, siblings, "");
        if (r.Chance(0.6)) Scenario(r, sb, scenarioName(), "");
        return sb.ToString();
    }

    private static void Title(FuzzRandom r, System.Text.StringBuilder sb, string adornment, bool overline)
    {
        var title = InlineText.Words(r, 5);
        var rule = new string(adornment[0], r.Chance(0.9) ? title.Length : r.Between(1, title.Length + 3));
        if (overline) sb.Append(rule).Append('\n');
        sb.Append(title).Append('\n').Append(rule).Append("\n\n");
    }

    private static void Block(FuzzRandom r, System.Text.StringBuilder sb, Func<string> scenarioName, IReadOnlyList<string> siblings, string indent)
    {
        switch (r.Next(10))
        {
            case 0 when indent.Length == 0:
                Title(r, sb, r.Pick(Adornments), r.Chance(0.2));
                return;
            case 1:
                for (var i = r.Between(1, 4); i > 0; i--)
                    sb.Append(indent).Append(r.Pick<string>(["- ", "* ", "#. ", "1. ", "(a) ", "iv) ", "term\n  ", ":field: ", "-o ", "| "])).Append(InlineText.Rst(r)).Append('\n');
                break;
            case 2:
                Table(r, sb, indent);
                break;
            case 3:
                Scenario(r, sb, scenarioName(), indent);
                break;
            case 4:
                Directive(r, sb, scenarioName, siblings, indent);
                break;
            case 5:
                // Block quotes inside block quotes: indentation only, sometimes very deep.
                var levels = r.Chance(0.03) ? r.Between(30, 400) : r.Between(1, 5);
                for (var i = 0; i < levels; i++) sb.Append(indent).Append(new string(' ', 2 * (i + 1))).Append(InlineText.Words(r, 3)).Append("\n\n");
                break;
            case 6:
                sb.Append(indent).Append(r.Pick<string>(["::", ".. _target:", ".. [1] footnote", ".. |sub| replace:: text", ".. comment", "__ http://example.com", ">>> 1 + 1", "----", ".."])).Append("\n\n");
                break;
            default:
                sb.Append(indent);
                for (var i = r.Between(1, 5); i > 0; i--) sb.Append(InlineText.Rst(r)).Append(' ');
                sb.Append('\n');
                break;
        }
        sb.Append('\n');
    }

    private static void Table(FuzzRandom r, System.Text.StringBuilder sb, string indent)
    {
        var widths = Enumerable.Range(0, r.Between(1, 4)).Select(_ => r.Between(1, 8)).ToList();
        if (r.Chance(0.5))
        {
            var border = "+" + string.Concat(widths.Select(w => new string('-', w + 2) + "+"));
            sb.Append(indent).Append(border).Append('\n');
            for (var row = r.Between(1, 3); row > 0; row--)
            {
                sb.Append(indent).Append('|').Append(string.Concat(widths.Select(w => " " + Cell(r, w) + " |"))).Append('\n');
                sb.Append(indent).Append(r.Chance(0.9) ? border : border.Replace('-', '=')).Append('\n');
            }
        }
        else
        {
            var rule = string.Join(' ', widths.Select(w => new string('=', w)));
            sb.Append(indent).Append(rule).Append('\n');
            for (var row = r.Between(1, 4); row > 0; row--)
                sb.Append(indent).Append(string.Join(' ', widths.Select(w => Cell(r, w)))).Append('\n');
            sb.Append(indent).Append(r.Chance(0.9) ? rule : rule[..^1]).Append('\n');
        }
    }

    /// <summary>A cell of exactly <paramref name="width"/> characters, unless the table is meant to be malformed.</summary>
    private static string Cell(FuzzRandom r, int width)
    {
        var text = InlineText.Words(r, 2);
        if (r.Chance(0.05)) return text;
        return text.Length >= width ? text[..width] : text.PadRight(width);
    }

    private static void Directive(FuzzRandom r, System.Text.StringBuilder sb, Func<string> scenarioName, IReadOnlyList<string> siblings, string indent)
    {
        var name = r.Pick(Directives);
        // Includes name a sibling document only: generated inputs never reach outside their site.
        var argument = name switch
        {
            "include" => siblings.Count > 0 ? r.Pick(siblings) : "missing.rst",
            "image" or "figure" => "img.png",
            "raw" => r.Pick<string>(["html", "latex", ""]),
            _ => r.Chance(0.5) ? InlineText.Words(r, 3) : "",
        };
        sb.Append(indent).Append(".. ").Append(name).Append(":: ").Append(argument).Append('\n');
        var inner = indent + "   ";
        for (var i = r.Next(3); i > 0; i--)
            sb.Append(inner).Append(':').Append(r.Pick<string>(["class", "name", "maxdepth", "header-rows", "widths", "caption", "alt", "nosuch", "glob", "local"])).Append(": ").Append(r.Chance(0.5) ? r.Number() : InlineText.Words(r, 2)).Append('\n');
        sb.Append('\n');
        if (name == "toctree")
            foreach (var s in siblings.Take(r.Next(4))) sb.Append(inner).Append(Path.ChangeExtension(s, null)).Append('\n');
        else if (r.Chance(0.2) && inner.Length < 40)
            Block(r, sb, scenarioName, siblings, inner);
        else
            sb.Append(inner).Append(InlineText.Rst(r)).Append('\n');
    }

    public static void Scenario(FuzzRandom r, System.Text.StringBuilder sb, string name, string indent)
    {
        var body = ScenarioGenerator.Body(r);
        var header = body.TakeWhile(l => l.Length > 0 && !l.EndsWith(':')).ToList();
        var options = r.Chance(0.7);
        sb.Append(indent).Append(".. scenario:: ").Append(name).Append('\n');
        var inner = indent + (r.Chance(0.9) ? "   " : "\t");
        if (options)
            foreach (var h in header) sb.Append(inner).Append(':').Append(h[..h.IndexOf(':')]).Append(':').Append(h[(h.IndexOf(':') + 1)..]).Append('\n');
        sb.Append('\n');
        foreach (var line in options ? body.Skip(header.Count) : body)
            sb.Append(line.Length == 0 ? "" : inner + line.Replace("\n", "\n" + inner)).Append('\n');
    }
}
