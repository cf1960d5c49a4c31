namespace Errata.Scenarios.Assembly.Lexing;

internal enum TokenKind : byte
{
    End,
    Identifier,
    Number,
    String,
    Comma,
    Colon,
    LeftBracket,
    RightBracket,
    LeftParen,
    RightParen,
    Plus,
    Minus,
    Star,
    Tilde,
    Pipe,
    Ampersand,
    ShiftLeft,
    ShiftRight,
    Dollar,
}
