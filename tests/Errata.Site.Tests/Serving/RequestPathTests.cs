using Errata.Site.Serving;

namespace Errata.Site.Tests.Serving;

public sealed class RequestPathTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/guide/commands.html?x=1", "/guide/commands.html")]
    [InlineData("/a%20b.html", "/a b.html")]
    [InlineData("/caf%C3%A9.html", "/café.html")]
    [InlineData("/notes..html", "/notes..html")]
    public void Parse_DecodesWellFormedPaths(string raw, string expected) => Assert.Equal(expected, RequestPath.Parse(raw));

    [Theory]
    [InlineData("/%zz")]
    [InlineData("/%4")]
    [InlineData("/%")]
    [InlineData("/%C3%28")]
    [InlineData("/a%00b")]
    [InlineData("/a\u0000b")]
    [InlineData("/../secret.txt")]
    [InlineData("/guide/../../secret.txt")]
    [InlineData("/%2e%2e/secret.txt")]
    [InlineData("/guide/..%2F..%2Fsecret.txt")]
    [InlineData("/./index.html")]
    [InlineData("/..\\secret.txt")]
    [InlineData("/caf\u00e9.html")]
    [InlineData("index.html")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_RejectsMalformedPaths(string? raw) => Assert.Null(RequestPath.Parse(raw));
}
