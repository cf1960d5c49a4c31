namespace Errata.Scenarios.Parsing;

/// <summary>Text helpers for the line-oriented body language.</summary>
internal static class LineText
{
    /// <summary>The line without its NASM-style comment: ';' outside a quoted string starts one.</summary>
    public static string StripComment(string line)
    {
        char quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '"' or '\'' or '`') quote = c;
            else if (c == ';') return line[..i];
        }
        return line;
    }

    public static int LeadingSpaces(string s)
    {
        var i = 0;
        while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
        return i;
    }
}
