using Errata.Diagnostics;
using Errata.Site.Building;
using Errata.Site.Verification;

namespace Errata.Site.Tests.Verification;

/// <summary>The one exit-code rule and summary, from diagnostics alone (no scenario ran).</summary>
public class VerificationOutcomeTests
{
    private static readonly DiagnosticDescriptor MarkupWarning = new("ERR0999", DiagnosticCategory.Markup, Severity.Warning, "w");
    private static readonly DiagnosticDescriptor MarkupError = new("ERR0998", DiagnosticCategory.Markup, Severity.Error, "e");
    private static readonly DiagnosticDescriptor InputError = new("ERR0997", DiagnosticCategory.Document, Severity.Error, "e");

    private static VerificationOutcome Of(bool strict, params DiagnosticDescriptor[] descriptors) =>
        new(descriptors.Select(d => d.At(SourceSpan.None("a.md"))).ToList(), 2, [], strict);

    [Theory]
    [InlineData(false, ExitCode.Ok)]
    [InlineData(true, ExitCode.BadInput)]
    public void MarkupProblems_StopOnlyAStrictVerification(bool strict, ExitCode expected)
    {
        Assert.Equal(expected, Of(strict, MarkupWarning).ExitCode);
        Assert.Equal(expected, Of(strict, MarkupError).ExitCode);
    }

    [Fact]
    public void AnInputError_IsBadInput_CountedInTheSummary()
    {
        var outcome = Of(false, InputError, MarkupWarning, InputError);
        Assert.Equal(ExitCode.BadInput, outcome.ExitCode);
        Assert.Equal("bad-input", outcome.Word);
        Assert.Equal("stopped on bad input (2 error(s)); no verdict on the claims", outcome.Summary);
    }

    [Fact]
    public void NothingWrong_IsOk_AndTalliesNothing()
    {
        var outcome = Of(false);
        Assert.Equal(ExitCode.Ok, outcome.ExitCode);
        Assert.Equal("0 of 0 claim(s) hold in 0 scenario(s) of 2 document(s)", outcome.Summary);
    }
}
