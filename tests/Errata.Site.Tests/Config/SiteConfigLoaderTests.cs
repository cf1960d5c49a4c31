using System.Text;
using Errata.Diagnostics;
using Errata.Site.Config;

namespace Errata.Site.Tests.Config;

public class SiteConfigLoaderTests
{
    internal static (SiteConfig Config, IReadOnlyList<Diagnostic> Diagnostics) Parse(string json)
    {
        var bag = new DiagnosticBag();
        return (SiteConfigLoader.Parse(Encoding.UTF8.GetBytes(json), "site.config.json", bag), bag.Items);
    }

    [Fact]
    public void EmptyObject_GivesEveryDefault()
    {
        var (c, d) = Parse("{}");
        Assert.Empty(d);
        Assert.Equal(("docs", "_site", "templates", "apm", "/"), (c.Source, c.Output, c.Templates, c.Reference, c.BaseUrl));
        Assert.Equal(["apm", "kvm", "kvm-novgif"], c.DefaultProfiles);
        Assert.False(c.AllowRaw);
    }

    [Fact]
    public void Keys_AreRead()
    {
        var (c, d) = Parse("{ \"title\": \"T\", \"source\": \"src\", \"defaultProfiles\": [\"apm\"], \"baseUrl\": \"/x\", \"allowRaw\": true }");
        Assert.Empty(d);
        Assert.Equal(("T", "src", "/x/"), (c.Title, c.Source, c.BaseUrl));
        Assert.Equal(["apm"], c.DefaultProfiles);
        Assert.True(c.AllowRaw);
    }

    [Fact]
    public void UnknownKey_IsNamed_AtItsPosition()
    {
        var (_, d) = Parse("{\n  \"title\": \"T\",\n  \"colour\": 1\n}");
        var e = Assert.Single(d);
        Assert.Equal("ERR0701", e.Id);
        Assert.Contains("'colour'", e.Message, StringComparison.Ordinal);
        Assert.Equal((2, 2), (e.Span.Line, e.Span.Column));
    }

    [Theory]
    [InlineData("{ \"source\": 3 }", "'source' must be a string, found a number")]
    [InlineData("{ \"defaultProfiles\": \"apm\" }", "'defaultProfiles' must be a list of strings, found a string")]
    [InlineData("{ \"allowRaw\": \"yes\" }", "'allowRaw' must be true or false, found a string")]
    public void WrongType_SaysWhatWasExpected(string json, string message)
    {
        var (_, d) = Parse(json);
        var e = Assert.Single(d);
        Assert.Equal("ERR0702", e.Id);
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void InvalidJson_IsLocated()
    {
        var (_, d) = Parse("{\n  \"title\": \n}");
        var e = Assert.Single(d);
        Assert.Equal("ERR0703", e.Id);
        Assert.Equal(2, e.Span.Line);
    }

    /// <summary>The reader counts bytes; a character of three UTF-8 bytes before the error moves the column by one.</summary>
    [Fact]
    public void InvalidJson_AfterAWideCharacter_IsAtItsCharacterColumn()
    {
        var (_, d) = Parse("{\n  \"ti\uFEFFtle\": \"x\ry\"\n}");
        var e = Assert.Single(d);
        Assert.Equal("ERR0703", e.Id);
        Assert.Equal((1, 14), (e.Span.Line, e.Span.Column)); // the carriage return inside the string
    }

    [Fact]
    public void ByteOrderMark_IsRead()
    {
        var bag = new DiagnosticBag();
        var json = Encoding.UTF8.GetBytes("\uFEFF{\n  \"title\": \"T\",\n  \"colour\": 1\n}");
        var c = SiteConfigLoader.Parse(json, "site.config.json", bag);
        Assert.Equal("T", c.Title);
        // Positions still count from the first character after the mark.
        var e = Assert.Single(bag.Items);
        Assert.Equal(("ERR0701", 2, 2), (e.Id, e.Span.Line, e.Span.Column));
    }

    [Fact]
    public void DuplicateKey_IsAnError_AtTheSecond_NamingTheFirst()
    {
        var (c, d) = Parse("{\n  \"title\": \"A\",\n  \"source\": \"s\",\n    \"title\": \"B\"\n}");
        var e = Assert.Single(d);
        Assert.Equal(("ERR0730", Severity.Error), (e.Id, e.Severity));
        Assert.Equal((3, 4), (e.Span.Line, e.Span.Column));
        Assert.Contains("'title'", e.Message, StringComparison.Ordinal);
        Assert.Contains("site.config.json(2,3)", e.Message, StringComparison.Ordinal);
        Assert.Equal(("A", "s"), (c.Title, c.Source));
    }

    [Fact]
    public void CommentsAndTrailingCommas_AreAccepted()
    {
        var (c, d) = Parse("{\n  // the site\n  \"title\": \"T\", /* block */\n  \"defaultProfiles\": [\"apm\",],\n}");
        Assert.Empty(d);
        Assert.Equal("T", c.Title);
        Assert.Equal(["apm"], c.DefaultProfiles);
    }

    [Theory]
    [InlineData(new byte[] { (byte)'{', (byte)'"', 0xf4, (byte)'"', (byte)':', (byte)'1', (byte)'}' }, 0, 1)]
    [InlineData(new byte[] { (byte)'{', (byte)'\n', (byte)'"', (byte)'t', (byte)'i', (byte)'t', (byte)'l', (byte)'e', (byte)'"', (byte)':', (byte)'"', 0xaf, (byte)'"', (byte)'}' }, 1, 8)]
    public void StringThatIsNotUtf8_IsAnInvalidJsonError_AtTheString(byte[] json, int line, int column)
    {
        var bag = new DiagnosticBag();
        SiteConfigLoader.Parse(json, "site.config.json", bag);
        var e = Assert.Single(bag.Items);
        Assert.Equal("ERR0703", e.Id);
        Assert.Contains("UTF-8", e.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (e.Span.Line, e.Span.Column));
    }
}
