using Errata.Scenarios.Syntax;

namespace Errata.Scenarios.Tests.Parsing;

/// <summary>Section kinds and the names a body writes for them read both ways.</summary>
public class SectionNamesTests
{
    [Theory]
    [InlineData(SectionKind.Code, null, "code")]
    [InlineData(SectionKind.Guest, null, "guest")]
    [InlineData(SectionKind.Data, null, "data")]
    [InlineData(SectionKind.Handler, "#DB", "handler #DB")]
    [InlineData(SectionKind.Handler, "intr 0x20", "handler intr 0x20")]
    public void EveryKind_IsReadBackFromItsName(SectionKind kind, string? vector, string name)
    {
        Assert.Equal(name, SectionNames.Of(kind, vector));
        Assert.True(SectionNames.TryRead(name, out var read, out var canonical));
        Assert.Equal((kind, name), (read, canonical));
    }

    [Theory]
    [InlineData("handler", false)]
    [InlineData("Code", false)]
    [InlineData("handler    #BP", true)]
    [InlineData("stack", false)]
    public void OnlyTheLanguagesNames_AreSections(string name, bool section) =>
        Assert.Equal(section, SectionNames.TryRead(name, out _, out _));

    [Fact]
    public void Kinds_AreLaidOut_CodeFirst_DataLast()
    {
        Assert.Equal([SectionKind.Code, SectionKind.Handler, SectionKind.Guest, SectionKind.Data], Enum.GetValues<SectionKind>().Order());
    }
}
