namespace Errata.Scenarios.Assembly.Lexing;

/// <summary>
/// One token of an assembly line: its kind, where it sits in the line, and for numbers
/// and strings the value already decoded. <see cref="Text"/> is the identifier or the
/// string's contents.
/// </summary>
internal readonly record struct AsmToken(TokenKind Kind, int Column, int Length, string Text = "", ulong Number = 0)
{
    public int End => Column + Length;
}
