using Errata.Site.Building;
using Errata.Site.Config;
using Errata.Site.Verification;
using static Errata.Site.Tests.Config.SiteConfigLoaderTests;

namespace Errata.Site.Tests.Config;

/// <summary>`runTimeout`: the wall-clock limit of one run, in milliseconds.</summary>
public class RunTimeoutConfigTests
{
    [Fact]
    public void Default_IsTenSeconds_AndReachesTheRuns()
    {
        var (c, d) = Parse("{}");
        Assert.Empty(d);
        Assert.Equal(TimeSpan.FromSeconds(10), ScenarioVerifier.RunSettings(c).Timeout);
    }

    [Fact]
    public void Value_IsMilliseconds()
    {
        var (c, d) = Parse("{ \"runTimeout\": 2500 }");
        Assert.Empty(d);
        Assert.Equal(2500, c.RunTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(2500), ScenarioVerifier.RunSettings(c, trace: true).Timeout);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("600001")]
    [InlineData("99999999999")]
    public void OutOfRange_IsAnError_AtTheValue(string value)
    {
        var (c, d) = Parse("{\n  \"runTimeout\": " + value + "\n}");
        var e = Assert.Single(d);
        Assert.Equal("ERR0720", e.Id);
        Assert.Contains("whole number of milliseconds from 1 to 600000", e.Message, StringComparison.Ordinal);
        Assert.Equal((1, 16), (e.Span.Line, e.Span.Column));
        Assert.Equal(SiteConfig.DefaultRunTimeout, c.RunTimeout);
    }

    [Fact]
    public void NotANumber_IsWrongType()
    {
        var (_, d) = Parse("{ \"runTimeout\": \"10s\" }");
        var e = Assert.Single(d);
        Assert.Equal("ERR0702", e.Id);
        Assert.Contains("'runTimeout' must be a number of milliseconds, found a string", e.Message, StringComparison.Ordinal);
    }
}
