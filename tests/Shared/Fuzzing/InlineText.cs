namespace Errata.Testing.Fuzzing;

/// <summary>Prose for generated documents: words, inline markup of either format, and the odd characters readers must survive.</summary>
internal static class InlineText
{
    private static readonly string[] Vocabulary =
        ["GIF", "vGIF", "the", "guest", "VMRUN", "#VMEXIT", "is", "clear", "KVM", "discards", "a", "breakpoint", "while", "DR7", "NMI", "held", "pending", "<b>", "&amp;", "é", "日本", "🙂", "x86-64", "_", "*", "`", "|", "\\"];
    private static readonly string[] Odd = ["\t", "\u00a0", "\u200b", "\ufeff", "\u0007", "\u001b[0m", "\u0000", "\ud800", "\r", "\u2028", "\u0085", "&#0;", "%", "{{ x }}", "{% end %}", "<script>", "]]>"];

    public static string Words(FuzzRandom r, int max) =>
        string.Join(' ', Enumerable.Range(0, r.Between(1, Math.Max(1, max))).Select(_ => r.Pick(Vocabulary)));

    public static string Sentence(FuzzRandom r)
    {
        var s = Words(r, 8);
        if (r.Chance(0.02)) s += r.Pick(Odd);
        if (r.Chance(0.01)) s += new string('x', r.Between(1_000, 20_000));
        return s;
    }

    public static string Markdown(FuzzRandom r) => r.Next(10) switch
    {
        0 => $"*{Words(r, 3)}*",
        1 => $"**{Words(r, 3)}**",
        2 => $"`{Words(r, 3)}`",
        3 => $"[{Words(r, 2)}]({r.Pick<string>(["other.md", "#x", "http://example.com", "", "javascript:alert(1)", "../x.md"])})",
        4 => $"![{Words(r, 2)}](img.png)",
        5 => r.Pick<string>(["<span>", "</div>", "<!-- c", "&", "\\*", "***", "``", "[^1]", "[x]: y"]),
        _ => Sentence(r),
    };

    public static string Rst(FuzzRandom r) => r.Next(12) switch
    {
        0 => $"*{Words(r, 3)}*",
        1 => $"**{Words(r, 3)}**",
        2 => $"``{Words(r, 3)}``",
        3 => $"`{Words(r, 2)} <{r.Pick<string>(["other.html", "#x", "http://example.com", ""])}>`_",
        4 => $":{r.Pick<string>(["ref", "doc", "code", "math", "nosuch", "abbr", "kbd"])}:`{Words(r, 2)}`",
        5 => $"|{r.Pick<string>(["sub", "nosuch", "x"])}|",
        6 => $"[#]_ [{r.Between(1, 3)}]_ [*]_ [cite]_",
        7 => r.Pick<string>(["`", "*", "**", "_`x`", "`x`__", "\\", ":x:", "|", "[1]_"]),
        _ => Sentence(r),
    };
}
