namespace Errata.Documents.Rst.Parsers;

/// <summary>Python interactive sessions (<c>&gt;&gt;&gt; </c>) up to the next blank line, kept as a literal block.</summary>
internal static class DoctestParser
{
    public const string Language = "pycon";

    public static bool Parse(RstContext context, LineCursor c, BlockSink sink)
    {
        var lines = c.ReadTextBlock(flushLeft: false, out _);
        sink.Add(LiteralBlockParser.Literal(lines, Language));
        return true;
    }
}
