using Errata.Diagnostics;
using Errata.Scenarios.Running;
using Errata.Scenarios.Tests.Parsing;

namespace Errata.Scenarios.Tests.Running;

/// <summary>Labels named by expect lines are checked when the scenario compiles, never first met while judging.</summary>
public class ExpectLabelTests
{
    [Theory]
    [InlineData("expect: #BP at start with [nowhere] = 1")]
    [InlineData("expect: #BP at nowhere")]
    [InlineData("expect: [nowhere] = 1")]
    public void UndefinedLabel_InAnExpectLine_IsAnErrorAtTheLabel(string expect)
    {
        var bag = new DiagnosticBag();
        var compiled = ScenarioCompiler.Compile(ScenarioParserTests.Block("code:\nstart: int3\n  hlt\n" + expect), ScenarioOptions.Default, bag);
        Assert.Null(compiled);
        var e = Assert.Single(bag.Items);
        Assert.Equal("ERR0304", e.Id);
        Assert.Equal((expect.IndexOf("nowhere", StringComparison.Ordinal), 7), (e.Span.Column, e.Span.Length));
    }
}
