using Errata.Diagnostics;

namespace Errata.Documents.Tests.Diagnostics;

public sealed class DiagnosticBagTests
{
    private static readonly DiagnosticDescriptor Problem = new("ERR0005", DiagnosticCategory.Document, Severity.Error, "bad '{0}'");

    [Fact]
    public void TheSameProblemAtTheSamePlace_IsKeptOnce()
    {
        var bag = new DiagnosticBag();
        bag.Add(Problem, new SourceSpan("f", 1, 2, 1), "x");
        bag.AddRange([Problem.At(new SourceSpan("f", 1, 2, 1), "x")]);
        Assert.Single(bag.Items);
    }

    [Fact]
    public void ProblemsThatDifferInPlaceOrText_AreAllKept()
    {
        var bag = new DiagnosticBag();
        bag.Add(Problem, new SourceSpan("f", 1, 2, 1), "x");
        bag.Add(Problem, new SourceSpan("f", 1, 3, 1), "x");
        bag.Add(Problem, new SourceSpan("f", 1, 2, 1), "y");
        bag.Add(Problem, new SourceSpan("g", 1, 2, 1), "x");
        Assert.Equal(4, bag.Items.Count);
    }
}
