using Errata.Diagnostics;
using Errata.Documents.Syntax;
using Errata.Scenarios.Assembly.Expressions;
using Errata.Scenarios.Assembly.Lexing;

namespace Errata.Scenarios.Assembly.Parsing;

/// <summary>
/// The parser's position in one line's tokens. The first error stops the line (one
/// diagnostic per line, at the token that broke it); label uses are collected on the way.
/// </summary>
internal sealed class LineCursor(SourceLine line, List<AsmToken> tokens, List<Diagnostic> diagnostics, string scope)
{
    private int _position;

    public SourceLine Line { get; } = line;
    public bool Failed { get; private set; }
    public List<LabelExpr> LabelUses { get; } = [];

    /// <summary>
    /// NASM's local labels: <c>.loop</c> belongs to the last label without a dot, so
    /// <c>.loop</c> under <c>handler:</c> is <c>handler.loop</c>.
    /// </summary>
    public string FullLabelName(string name) => name.StartsWith('.') ? scope + name : name;

    public AsmToken Peek => tokens[_position];
    public AsmToken PeekAhead(int offset) => tokens[Math.Min(_position + offset, tokens.Count - 1)];

    /// <summary>Where the last token taken ends: the end of whatever was just parsed, closing parentheses included.</summary>
    public int PreviousEnd { get; private set; }

    public AsmToken Next()
    {
        var t = tokens[_position];
        if (t.Kind != TokenKind.End)
        {
            _position++;
            PreviousEnd = t.End;
        }
        return t;
    }

    public bool PeekKeyword(string word) =>
        Peek.Kind == TokenKind.Identifier && Peek.Text.Equals(word, StringComparison.OrdinalIgnoreCase);

    public string TextOf(int column, int length) => Line.Text.Substring(column, length);

    public string TextOf(AsmToken token) =>
        token.Kind == TokenKind.End ? "end of line" : TextOf(token.Column, token.Length);

    public void Error(DiagnosticDescriptor descriptor, int column, int length, params object?[] args)
    {
        if (Failed) return;
        Failed = true;
        diagnostics.Add(descriptor.At(Line.At(column, Math.Max(length, 1)), args));
    }

    /// <summary>Reports the token that is not what the grammar expects here.</summary>
    public void Unexpected(AsmToken token, string expected) =>
        Error(AssemblerErrors.UnexpectedToken, token.Column, token.Length, TextOf(token), expected);
}
