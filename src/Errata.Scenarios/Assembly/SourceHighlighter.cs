using Errata.Diagnostics;
using Errata.Documents.Syntax;
using Errata.Scenarios.Assembly.Lexing;
using Errata.Scenarios.Assembly.Parsing;
using Errata.Scenarios.Parsing;

namespace Errata.Scenarios.Assembly;

/// <summary>What a piece of a source line is, for highlighting the listing as the author wrote it.</summary>
public enum SourcePieceKind
{
    Plain,
    Comment,
    Label,
    Mnemonic,
    Register,
    Number,
    Keyword,
    Punctuation,
}

public readonly record struct SourcePiece(string Text, SourcePieceKind Kind);

/// <summary>
/// Splits a line of assembly, as written, into highlighted pieces by the assembler's own lexer:
/// the pieces put together are the line exactly, comment and spacing included.
/// </summary>
public static class SourceHighlighter
{
    public static IReadOnlyList<SourcePiece> Assembly(string line)
    {
        var code = LineText.StripComment(line);
        var pieces = new List<SourcePiece>();
        var tokens = new List<AsmToken>();
        // A line that does not lex is shown plain: it assembled, or the build reported it.
        if (!AsmLexer.Tokenize(new SourceLine(code, SourceSpan.None("")), tokens, []))
            tokens.Clear();
        var at = 0;
        var first = true;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind == TokenKind.End) break;
            if (t.Column > at) pieces.Add(new SourcePiece(code[at..t.Column], SourcePieceKind.Plain));
            var labelDefinition = first && t.Kind == TokenKind.Identifier && i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Colon;
            var kind = t.Kind switch
            {
                TokenKind.Identifier when labelDefinition => SourcePieceKind.Label,
                TokenKind.Identifier when first => SourcePieceKind.Mnemonic,
                TokenKind.Identifier when Registers.TryGet(t.Text, out _) => SourcePieceKind.Register,
                TokenKind.Identifier when OperandParser.IsKeyword(t.Text) => SourcePieceKind.Keyword,
                TokenKind.Identifier => SourcePieceKind.Label,
                TokenKind.Number or TokenKind.String => SourcePieceKind.Number,
                _ => SourcePieceKind.Punctuation,
            };
            var end = t.Column + t.Length;
            if (labelDefinition)
            {
                end = tokens[++i].Column + 1; // the label with its colon
            }
            else first = false;
            pieces.Add(new SourcePiece(code[t.Column..end], kind));
            at = end;
        }
        if (at < code.Length) pieces.Add(new SourcePiece(code[at..], SourcePieceKind.Plain));
        if (code.Length < line.Length) pieces.Add(new SourcePiece(line[code.Length..], SourcePieceKind.Comment));
        return pieces;
    }

    /// <summary>A line that is not assembly (a header, section, expect or gap line): what comes before its colon is a keyword.</summary>
    public static IReadOnlyList<SourcePiece> Keyed(string line)
    {
        var code = LineText.StripComment(line);
        var pieces = new List<SourcePiece>();
        var colon = code.IndexOf(':');
        var indent = LineText.LeadingSpaces(code);
        if (colon > indent)
        {
            if (indent > 0) pieces.Add(new SourcePiece(code[..indent], SourcePieceKind.Plain));
            pieces.Add(new SourcePiece(code[indent..(colon + 1)], SourcePieceKind.Keyword));
            if (colon + 1 < code.Length) pieces.Add(new SourcePiece(code[(colon + 1)..], SourcePieceKind.Plain));
        }
        else if (code.Length > 0)
        {
            pieces.Add(new SourcePiece(code, SourcePieceKind.Plain));
        }
        if (code.Length < line.Length) pieces.Add(new SourcePiece(line[code.Length..], SourcePieceKind.Comment));
        return pieces;
    }
}
