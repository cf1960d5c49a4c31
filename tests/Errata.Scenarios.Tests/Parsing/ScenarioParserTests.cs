using Errata.Diagnostics;
using Errata.Documents.Syntax;
using Errata.Scenarios.Claims;
using Errata.Scenarios.Parsing;
using Errata.Scenarios.Syntax;

namespace Errata.Scenarios.Tests.Parsing;

public class ScenarioParserTests
{
    /// <summary>A block whose body starts at document line 10, column 0.</summary>
    internal static ScenarioBlock Block(string body, string name = "s") => new()
    {
        Name = name,
        Span = new SourceSpan("doc.md", 9, 0, 3),
        Lines = body.Split('\n').Select((t, i) => new SourceLine(t, new SourceSpan("doc.md", 10 + i, 0, t.Length))).ToList(),
    };

    private static (Scenario Scenario, IReadOnlyList<Diagnostic> Diagnostics) Parse(string body)
    {
        var bag = new DiagnosticBag();
        return (ScenarioParser.Parse(Block(body), bag), bag.Items);
    }

    [Fact]
    public void Header_Sections_AndExpects_AreRead()
    {
        var (s, d) = Parse("title: A claim\nprofiles: apm, kvm\nbudget: 500\ninject: nmi at t\ncode:\n  nop\nt: hlt\nhandler #DB:\n  iretq\ndata:\n  x: dq 1\nexpect: halted\nexpect kvm: #DB at t");
        Assert.Empty(d);
        Assert.Equal("A claim", s.Title);
        Assert.Equal(["apm", "kvm"], s.Profiles!.Select(p => p.Value));
        Assert.Equal(500, s.Budget);
        var inject = Assert.Single(s.Injects);
        Assert.Equal(("nmi", "t"), (inject.Event, inject.Label));
        Assert.Equal(["code", "handler #DB", "data"], s.Sections.Select(x => x.Name));
        Assert.Equal(2, s.Sections[0].Lines.Count);
        Assert.Equal(2, s.Expects.Count);
        Assert.IsType<EndAssertion>(s.Expects[0].Assertion);
        Assert.Equal("kvm", Assert.Single(s.Expects[1].Profiles).Value);
    }

    [Fact]
    public void Comments_AreIgnoredEverywhere()
    {
        var (s, d) = Parse("title: t ; a comment\n; whole line\ncode: ; section\n  nop ; x\nexpect: halted ; why");
        Assert.Empty(d);
        Assert.Equal("t", s.Title);
        Assert.Single(s.Sections);
        Assert.Equal(new EndAssertion(Errata.Machine.Events.RunEnd.Halted), s.Expects[0].Assertion);
    }

    [Fact]
    public void UnknownHeaderKey_IsLocatedAtTheKey()
    {
        var (_, d) = Parse("  colour: red\ncode:\n nop");
        var e = Assert.Single(d);
        Assert.Equal("ERR0401", e.Id);
        Assert.Equal((10, 2, 6), (e.Span.Line, e.Span.Column, e.Span.Length));
    }

    [Fact]
    public void MissingCode_IsAnError()
    {
        var (_, d) = Parse("title: x\ndata:\n db 1");
        Assert.Equal("ERR0402", Assert.Single(d).Id);
    }

    [Fact]
    public void BadAssertion_IsLocatedAtTheUnknownEvent()
    {
        var (_, d) = Parse("code:\n nop\nexpect: #ZZ at x");
        var e = Assert.Single(d);
        Assert.Equal("ERR0408", e.Id);
        Assert.Equal((12, 8, 3), (e.Span.Line, e.Span.Column, e.Span.Length));
    }

    [Theory]
    [InlineData("10_000_000", 10_000_000L)]
    [InlineData("1", 1L)]
    public void Budget_UpToTheMaximum_IsKept(string value, long budget)
    {
        var (s, d) = Parse($"budget: {value}\ncode:\n nop");
        Assert.Empty(d);
        Assert.Equal(budget, s.Budget);
        Assert.Equal(10_000_000, Scenario.MaxBudget);
    }

    [Theory]
    [InlineData("10_000_001")]
    [InlineData("100000000000")]
    public void Budget_AboveTheMaximum_IsAnError_AtTheValue(string value)
    {
        var (s, d) = Parse($"budget: {value}\ncode:\n nop");
        var e = Assert.Single(d);
        Assert.Equal("ERR0420", e.Id);
        Assert.Equal((8, value.Length), (e.Span.Column, e.Span.Length));
        Assert.Contains("maximum of 10,000,000 instructions", e.Message, StringComparison.Ordinal);
        Assert.Equal(Scenario.DefaultBudget, s.Budget);
    }

    [Theory]
    [InlineData("budget: lots\ncode:\n nop", "ERR0404")]
    [InlineData("inject: nmi\ncode:\n nop", "ERR0405")]
    [InlineData("nonsense\ncode:\n nop", "ERR0409")]
    [InlineData("code:\n nop\ncode:\n nop", "ERR0410")]
    [InlineData("title: a\ntitle: b\ncode:\n nop", "ERR0411")]
    [InlineData("code:\n nop\nexpect halted", "ERR0408")]
    public void MalformedBodies_GiveTheirOwnError(string body, string id)
    {
        var (_, d) = Parse(body);
        Assert.Equal(id, Assert.Single(d).Id);
    }
}
