using System.Globalization;
using Errata.Diagnostics;
using Errata.Documents.Syntax;

namespace Errata.Scenarios.Assembly.Lexing;

/// <summary>
/// Splits one line into tokens, stopping at a <c>;</c> comment. Hand-written rather than
/// a regex: it runs on every line of every scenario. Problems become diagnostics and
/// make <see cref="Tokenize"/> return false; nothing is thrown.
/// </summary>
internal static class AsmLexer
{
    public static bool Tokenize(SourceLine line, List<AsmToken> tokens, List<Diagnostic> diagnostics)
    {
        tokens.Clear();
        var text = line.Text;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == ';') break;
            if (c is ' ' or '\t' or '\r') { i++; continue; }
            if (char.IsControl(c))
            {
                diagnostics.Add(TextErrors.ControlCharacter.At(line.At(i, 1), (int)c));
                return false;
            }
            int start = i;
            if (IsIdentifierStart(c))
            {
                while (i < text.Length && IsIdentifierPart(text[i])) i++;
                tokens.Add(new AsmToken(TokenKind.Identifier, start, i - start, text[start..i]));
                continue;
            }
            if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')) i++;
                if (!TryParseNumber(text.AsSpan(start, i - start), out var value))
                {
                    diagnostics.Add(AssemblerErrors.InvalidNumber.At(line.At(start, i - start), text[start..i]));
                    return false;
                }
                tokens.Add(new AsmToken(TokenKind.Number, start, i - start, Number: value));
                continue;
            }
            if (c is '\'' or '"' or '`')
            {
                int close = text.IndexOf(c, i + 1);
                if (close < 0)
                {
                    diagnostics.Add(AssemblerErrors.UnterminatedString.At(line.At(start, text.Length - start), text[start..].TrimEnd(), c));
                    return false;
                }
                i = close + 1;
                tokens.Add(new AsmToken(TokenKind.String, start, i - start, text[(start + 1)..close]));
                continue;
            }
            var kind = c switch
            {
                ',' => TokenKind.Comma,
                ':' => TokenKind.Colon,
                '[' => TokenKind.LeftBracket,
                ']' => TokenKind.RightBracket,
                '(' => TokenKind.LeftParen,
                ')' => TokenKind.RightParen,
                '+' => TokenKind.Plus,
                '-' => TokenKind.Minus,
                '*' => TokenKind.Star,
                '~' => TokenKind.Tilde,
                '|' => TokenKind.Pipe,
                '&' => TokenKind.Ampersand,
                '$' => TokenKind.Dollar,
                '<' when At(text, i + 1) == '<' => TokenKind.ShiftLeft,
                '>' when At(text, i + 1) == '>' => TokenKind.ShiftRight,
                _ => TokenKind.End,
            };
            if (kind == TokenKind.End)
            {
                diagnostics.Add(AssemblerErrors.UnexpectedToken.At(line.At(i, 1), c.ToString(), "an instruction, a label, an operand or a comment"));
                return false;
            }
            i += kind is TokenKind.ShiftLeft or TokenKind.ShiftRight ? 2 : 1;
            tokens.Add(new AsmToken(kind, start, i - start));
        }
        tokens.Add(new AsmToken(TokenKind.End, i, 0));
        return true;
    }

    private static char At(string text, int i) => i < text.Length ? text[i] : '\0';

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c is '_' or '.' or '@' or '?';

    private static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '@' or '?' or '$' or '#';

    /// <summary>NASM's number forms: decimal, <c>0x..</c>, <c>..h</c>, <c>0b..</c>; underscores separate digits.</summary>
    public static bool TryParseNumber(ReadOnlySpan<char> token, out ulong value)
    {
        Span<char> digits = stackalloc char[token.Length];
        int n = 0;
        foreach (var ch in token)
            if (ch != '_') digits[n++] = char.ToLowerInvariant(ch);
        ReadOnlySpan<char> d = digits[..n];
        value = 0;
        if (d.Length > 1 && d[^1] == 'h')
            return TryParseBase(d[..^1], 16, out value);
        if (d.Length > 2 && d[0] == '0' && d[1] == 'x')
            return TryParseBase(d[2..], 16, out value);
        if (d.Length > 2 && d[0] == '0' && d[1] == 'b')
            return TryParseBase(d[2..], 2, out value);
        return ulong.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryParseBase(ReadOnlySpan<char> digits, int radix, out ulong value)
    {
        value = 0;
        if (digits.IsEmpty) return false;
        int bitsPerDigit = radix == 16 ? 4 : 1;
        foreach (var ch in digits)
        {
            int v = char.IsAsciiDigit(ch) ? ch - '0' : ch is >= 'a' and <= 'f' ? ch - 'a' + 10 : 99;
            if (v >= radix || value >> (64 - bitsPerDigit) != 0) return false;
            value = (value << bitsPerDigit) | (uint)v;
        }
        return true;
    }
}
