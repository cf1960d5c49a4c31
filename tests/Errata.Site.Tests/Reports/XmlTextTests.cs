using System.Xml.Linq;
using Errata.Site.Reports;

namespace Errata.Site.Tests.Reports;

public sealed class XmlTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\u0000b", "a\\u0000b")]
    [InlineData("tab\tand\nline", "tab\tand\nline")]
    [InlineData("pair \U0001F642 kept", "pair \U0001F642 kept")]
    [InlineData("pair \U0001F642 then \u0007", "pair \U0001F642 then \\u0007")]
    public void Clean_KeepsWhatXmlCarries_AndEscapesTheRest(string text, string expected) => Check(text, expected);

    // Lone surrogates cannot stand in an attribute's data (metadata stores it as UTF-8), so they are built here.
    [Fact]
    public void Clean_EscapesLoneSurrogates()
    {
        Check("lone " + (char)0xD83D + " here", "lone \\uD83D here");
        Check("lone " + (char)0xDE42 + " low", "lone \\uDE42 low");
        Check("pair split " + (char)0xD83D + (char)0xD83D + (char)0xDE42, "pair split \\uD83D" + (char)0xD83D + (char)0xDE42);
    }

    private static void Check(string text, string expected)
    {
        var clean = XmlText.Clean(text);
        Assert.Equal(expected, clean);
        // Whatever came in, the result can stand in an attribute of a well-formed document.
        var doc = new XDocument(new XElement("r", new XAttribute("a", clean)));
        Assert.Equal(clean, XDocument.Parse(doc.ToString()).Root!.Attribute("a")!.Value);
    }
}
