using System.Text.RegularExpressions;

namespace Errata.Documents.Rst.Parsers;

/// <summary>What construct a line starts, by docutils' Body-state patterns in docutils' order.</summary>
internal enum LineKind
{
    Blank,
    Indent,
    Bullet,
    Enumerator,
    FieldMarker,
    OptionMarker,
    Doctest,
    LineBlock,
    GridTableTop,
    SimpleTableTop,
    ExplicitMarkup,
    Anonymous,
    Line,
    Text,
}

/// <summary>The Body-state line patterns of docutils' RST parser.</summary>
internal static partial class BodyPatterns
{
    /// <summary>docutils' <c>simplename</c>: words joined by single <c>- . _ + :</c>.</summary>
    public const string SimpleName = @"(?:(?!_)\w)+(?:[-._+:](?:(?!_)\w)+)*";

    [GeneratedRegex(@"^[-+*\u2022\u2023\u2043]( +|$)")]
    public static partial Regex Bullet();

    [GeneratedRegex(@"^(?:\((?<p>#|[0-9]+|[a-z]|[A-Z]|[ivxlcdm]+|[IVXLCDM]+)\)|(?<r>#|[0-9]+|[a-z]|[A-Z]|[ivxlcdm]+|[IVXLCDM]+)\)|(?<d>#|[0-9]+|[a-z]|[A-Z]|[ivxlcdm]+|[IVXLCDM]+)\.)( +|$)")]
    public static partial Regex Enumerator();

    [GeneratedRegex(@"^:(?![: ])([^:\\]|\\.|:(?!([ `]|$)))*(?<! ):( +|$)")]
    public static partial Regex FieldMarker();

    private const string OptArg = @"(?:[a-zA-Z][a-zA-Z0-9_-]*|<[^<>]+>)";
    private const string Option = @"(?:(?:-|\+)[a-zA-Z0-9](?: ?" + OptArg + @")?|(?:--|/)[a-zA-Z0-9][a-zA-Z0-9._-]*(?:[ =]" + OptArg + ")?)";

    [GeneratedRegex("^" + Option + "(?:, " + Option + ")*(  +| ?$)")]
    public static partial Regex OptionMarker();

    [GeneratedRegex(Option)]
    public static partial Regex OneOption();

    [GeneratedRegex(@"^>>>( +|$)")]
    public static partial Regex Doctest();

    [GeneratedRegex(@"^\|( +|$)")]
    public static partial Regex LineBlock();

    [GeneratedRegex(@"^\+-[-+]+-\+ *$")]
    public static partial Regex GridTableTop();

    [GeneratedRegex(@"^=+( +=+)+ *$")]
    public static partial Regex SimpleTableTop();

    [GeneratedRegex(@"^\.\.( +|$)")]
    public static partial Regex ExplicitMarkup();

    [GeneratedRegex(@"^__( +|$)")]
    public static partial Regex Anonymous();

    /// <summary>A line of one repeated 7-bit punctuation character: an adornment or transition.</summary>
    [GeneratedRegex(@"^([!-/:-@\[-`{-~])\1* *$")]
    public static partial Regex Line();

    /// <summary>Cheap test before the regex: an enumerator is a first word ending in '.' or ')'.</summary>
    private static bool MayBeEnumerator(string text)
    {
        var space = text.IndexOf(' ');
        var last = (space < 0 ? text.Length : space) - 1;
        return text[last] is '.' or ')';
    }

    public static LineKind Classify(RstLine line)
    {
        var t = line.Text;
        if (t.Length == 0) return LineKind.Blank;
        var c = t[0];
        if (c == ' ') return LineKind.Indent;
        if (c is '-' or '+' or '*' or '\u2022' or '\u2023' or '\u2043' && Bullet().IsMatch(t)) return LineKind.Bullet;
        if ((c == '(' || c == '#' || char.IsAsciiLetterOrDigit(c)) && MayBeEnumerator(t) && Enumerator().IsMatch(t)) return LineKind.Enumerator;
        if (c == ':' && FieldMarker().IsMatch(t)) return LineKind.FieldMarker;
        if (c is '-' or '+' or '/' && OptionMarker().IsMatch(t)) return LineKind.OptionMarker;
        if (c == '>' && Doctest().IsMatch(t)) return LineKind.Doctest;
        if (c == '|' && LineBlock().IsMatch(t)) return LineKind.LineBlock;
        if (c == '+' && GridTableTop().IsMatch(t)) return LineKind.GridTableTop;
        if (c == '=' && SimpleTableTop().IsMatch(t)) return LineKind.SimpleTableTop;
        if (c == '.' && ExplicitMarkup().IsMatch(t)) return LineKind.ExplicitMarkup;
        if (c == '_' && Anonymous().IsMatch(t)) return LineKind.Anonymous;
        if (c < 128 && char.IsAsciiLetterOrDigit(c) == false && Line().IsMatch(t)) return LineKind.Line;
        return LineKind.Text;
    }
}
