namespace Errata.Scenarios.Claims;

/// <summary>
/// Splits a claim into tokens: `[`, `]` and `=` stand alone, white space separates, and
/// everything else forms words. Numbers and names are words the parser tells apart, since
/// the same word (`init`, `0x20`) is an event's part in one place and a value in another.
/// </summary>
public static class ClaimLexer
{
    public static List<ClaimToken> Tokens(string text)
    {
        var tokens = new List<ClaimToken>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i == text.Length) break;
            if (Punctuation(text[i]) is { } kind)
            {
                tokens.Add(new ClaimToken(kind, text[i].ToString(), i));
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && Punctuation(text[i]) is null) i++;
            tokens.Add(new ClaimToken(ClaimTokenKind.Word, text[start..i], start));
        }
        tokens.Add(new ClaimToken(ClaimTokenKind.End, "", text.Length));
        return tokens;
    }

    private static ClaimTokenKind? Punctuation(char c) => c switch
    {
        '[' => ClaimTokenKind.Open,
        ']' => ClaimTokenKind.Close,
        '=' => ClaimTokenKind.Equals,
        _ => null,
    };
}
