namespace Errata.Testing.Fuzzing;

/// <summary>Markdown documents built from random structures: headings, lists, tables, quotes, fences, scenario blocks, deep nesting.</summary>
internal static class MarkdownGenerator
{
    public static string Document(FuzzRandom r, Func<string> scenarioName)
    {
        var sb = new System.Text.StringBuilder();
        if (r.Chance(0.8)) sb.Append("# ").Append(InlineText.Words(r, 5)).Append("\n\n");
        for (var i = r.Between(1, 8); i > 0; i--) Block(r, sb, scenarioName, depth: 0);
        // Most documents of this site exist to hold a claim.
        if (r.Chance(0.6)) Scenario(r, sb, scenarioName());
        return sb.ToString();
    }

    private static void Block(FuzzRandom r, System.Text.StringBuilder sb, Func<string> scenarioName, int depth)
    {
        switch (r.Next(11))
        {
            case 0:
                sb.Append(new string('#', r.Between(1, 7))).Append(' ').Append(InlineText.Words(r, 5)).Append('\n');
                break;
            case 1:
                for (var i = r.Between(1, 4); i > 0; i--)
                    sb.Append(r.Pick<string>(["- ", "* ", "1. ", "2) ", "+ "])).Append(InlineText.Markdown(r)).Append('\n');
                break;
            case 2:
                var columns = r.Between(1, 4);
                sb.Append('|').Append(string.Concat(Enumerable.Range(0, columns).Select(_ => InlineText.Words(r, 2) + " |"))).Append('\n');
                sb.Append('|').Append(string.Concat(Enumerable.Repeat(r.Pick<string>(["---|", ":--|", "--:|", "-|"]), r.Chance(0.8) ? columns : columns + 1))).Append('\n');
                for (var i = r.Between(0, 3); i > 0; i--)
                    sb.Append('|').Append(string.Concat(Enumerable.Range(0, r.Between(1, columns + 1)).Select(_ => InlineText.Markdown(r) + " |"))).Append('\n');
                break;
            case 3:
                Scenario(r, sb, scenarioName());
                break;
            case 4:
                sb.Append("```").Append(r.Pick<string>(r.Chance(0.8) ? ["", "text", "asm", "~~~"] : ["scenario", "scenario ", "scenario a b"])).Append('\n')
                  .Append(InlineText.Words(r, 6)).Append('\n').Append(r.Chance(0.9) ? "```\n" : "");
                break;
            case 5:
                // Nesting: quotes and lists inside each other, sometimes far deeper than prose ever goes.
                var levels = r.Chance(0.05) ? r.Between(50, 3_000) : r.Between(1, 6);
                for (var i = 0; i < levels; i++) sb.Append(r.Pick<string>(["> ", "- ", "> - ", "  "]));
                sb.Append(InlineText.Markdown(r)).Append('\n');
                break;
            case 6:
                sb.Append(r.Pick<string>(["---", "***", "<div>", "</div>", "<!-- comment -->", "    indented code", "\t\ttabbed", "[x]: http://example.com", "Setext\n===", "Setext\n---"])).Append('\n');
                break;
            case 7 when depth < 3:
                sb.Append("> ");
                Block(r, sb, scenarioName, depth + 1);
                break;
            default:
                for (var i = r.Between(1, 5); i > 0; i--) sb.Append(InlineText.Markdown(r)).Append(' ');
                sb.Append('\n');
                break;
        }
        sb.Append(r.Chance(0.9) ? "\n" : "");
    }

    public static void Scenario(FuzzRandom r, System.Text.StringBuilder sb, string name)
    {
        var fence = r.Chance(0.9) ? "```" : "~~~~";
        sb.Append(fence).Append("scenario ").Append(name).Append('\n');
        foreach (var line in ScenarioGenerator.Body(r)) sb.Append(line).Append('\n');
        if (r.Chance(0.97)) sb.Append(fence).Append('\n');
    }
}
