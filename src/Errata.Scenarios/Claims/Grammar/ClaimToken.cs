namespace Errata.Scenarios.Claims;

public enum ClaimTokenKind
{
    /// <summary>A run of characters that are neither white space nor punctuation: a keyword, name or number.</summary>
    Word,
    Open,
    Close,
    Equals,
    /// <summary>After the last token; its offset is the text's length, where "expected ..." lands.</summary>
    End,
}

/// <summary>One token of a claim with its offset in the claim's text, so an error lands on its column.</summary>
public readonly record struct ClaimToken(ClaimTokenKind Kind, string Text, int Offset)
{
    public bool IsWord(string word) => Kind == ClaimTokenKind.Word && Text == word;
}
