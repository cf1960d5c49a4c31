using Errata.Documents.Syntax;
using System.Text.RegularExpressions;

namespace Errata.Documents.Rst.Parsers;

/// <summary>
/// Enumerated lists in all of docutils' styles (arabic, alphabetic, roman; <c>1.</c>,
/// <c>1)</c>, <c>(1)</c>; <c>#</c> for automatic numbering). An enumerator only starts a
/// list when the next line is blank, indented or the next enumerator, so "A. Smith wrote"
/// stays a paragraph.
/// </summary>
internal static class EnumeratedListParser
{
    private readonly record struct Enumerator(char Format, string Sequence, int? Ordinal, int End);

    public static bool TryParse(RstContext context, LineCursor c, BlockSink sink)
    {
        var first = Read(c.Current, null);
        if (first.Ordinal is null || !IsItem(c, first)) return false;
        var list = new OrderedList
        {
            Start = first.Ordinal.Value,
            Style = first.Sequence switch
            {
                "loweralpha" => EnumerationStyle.LowerAlpha,
                "upperalpha" => EnumerationStyle.UpperAlpha,
                "lowerroman" => EnumerationStyle.LowerRoman,
                "upperroman" => EnumerationStyle.UpperRoman,
                _ => EnumerationStyle.Arabic,
            },
            Span = c.Current.Span,
        };
        sink.Add(list);
        var sequence = first.Sequence == "#" ? "arabic" : first.Sequence;
        var auto = first.Sequence == "#";
        var last = first.Ordinal.Value;
        list.Items.Add(BulletListParser.ListItem(context, c, first.End, out var blankFinish));
        while (!c.AtEnd && BodyPatterns.Classify(c.Current) == LineKind.Enumerator)
        {
            var next = Read(c.Current, sequence);
            if (next.Format != first.Format) break;
            if (next.Sequence != "#" && (next.Sequence != sequence || auto || next.Ordinal != last + 1)) break;
            if (!IsItem(c, next)) break;
            if (next.Sequence == "#") auto = true;
            last = next.Ordinal ?? last;
            list.Items.Add(BulletListParser.ListItem(context, c, next.End, out blankFinish));
        }
        if (!blankFinish) BodyParser.UnindentWarning(context, c, "Enumerated list");
        return true;
    }

    private static Enumerator Read(RstLine line, string? expected)
    {
        var m = BodyPatterns.Enumerator().Match(line.Text);
        var (format, g) = m.Groups["p"].Success ? ('p', m.Groups["p"]) : m.Groups["r"].Success ? ('r', m.Groups["r"]) : ('d', m.Groups["d"]);
        var text = g.Value;
        string? sequence = null;
        if (text == "#") sequence = "#";
        else if (expected is not null && Matches(expected, text)) sequence = expected;
        else if (text == "i") sequence = "lowerroman";
        else if (text == "I") sequence = "upperroman";
        sequence ??= new[] { "arabic", "loweralpha", "upperalpha", "lowerroman", "upperroman" }.First(s => Matches(s, text));
        int? ordinal = sequence switch
        {
            "#" => 1,
            "arabic" => int.TryParse(text, out var n) ? n : null,
            "loweralpha" or "upperalpha" => char.ToLowerInvariant(text[0]) - 'a' + 1,
            _ => Roman.Parse(text.ToUpperInvariant()),
        };
        return new Enumerator(format, sequence, ordinal, m.Length);
    }

    private static bool Matches(string sequence, string text) => sequence switch
    {
        "arabic" => text.All(char.IsAsciiDigit),
        "loweralpha" => text.Length == 1 && text[0] is >= 'a' and <= 'z',
        "upperalpha" => text.Length == 1 && text[0] is >= 'A' and <= 'Z',
        "lowerroman" => Regex.IsMatch(text, "^[ivxlcdm]+$"),
        "upperroman" => Regex.IsMatch(text, "^[IVXLCDM]+$"),
        _ => false,
    };

    /// <summary>docutils' is_enumerated_list_item: the next line is blank, indented, or starts with the next enumerator.</summary>
    private static bool IsItem(LineCursor c, Enumerator e)
    {
        if (e.Ordinal is null) return false;
        if (!c.HasNext || c.Next.IsBlank || c.Next.IsIndented) return true;
        var (prefix, suffix) = e.Format switch { 'p' => ("(", ")"), 'r' => ("", ")"), _ => ("", ".") };
        var next = c.Next.Text;
        if (next.StartsWith(prefix + "#" + suffix + " ", StringComparison.Ordinal)) return true;
        var ordinal = e.Ordinal.Value + 1;
        string? text = e.Sequence switch
        {
            "#" => "#",
            "arabic" => ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "loweralpha" => ordinal <= 26 ? ((char)('a' + ordinal - 1)).ToString() : null,
            "upperalpha" => ordinal <= 26 ? ((char)('A' + ordinal - 1)).ToString() : null,
            "lowerroman" => Roman.Format(ordinal)?.ToLowerInvariant(),
            _ => Roman.Format(ordinal),
        };
        return text is not null && next.StartsWith(prefix + text + suffix + " ", StringComparison.Ordinal);
    }
}
