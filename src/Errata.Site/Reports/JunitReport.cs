using System.Xml.Linq;
using Errata.Diagnostics;
using Errata.Site.Verification;
using Errata.Scenarios;
using Errata.Scenarios.Running;

namespace Errata.Site.Reports;

/// <summary>
/// JUnit XML for CI dashboards: a suite per scenario, a test case per claim and profile, and,
/// when the input is bad, a suite of its errors, so a stopped check never reads as green.
/// </summary>
public static class JunitReport
{
    public static string Write(VerificationOutcome outcome)
    {
        var suites = outcome.Scenarios.Select(Suite).ToList();
        var errors = outcome.InputErrors.ToList();
        if (errors.Count > 0) suites.Add(ErrorSuite(errors, outcome.Strict));
        var root = new XElement("testsuites",
            new XAttribute("tests", suites.Sum(s => (int)s.Attribute("tests")!)),
            new XAttribute("failures", suites.Sum(s => (int)s.Attribute("failures")!)),
            new XAttribute("errors", errors.Count),
            suites);
        // XDocument.ToString leaves the declaration out; JUnit readers expect it.
        var doc = new XDocument(new XDeclaration("1.0", "utf-8", null), root);
        return doc.Declaration + "\n" + doc + "\n";
    }

    private static XElement Suite(ScenarioResult r)
    {
        var s = r.Scenario.Syntax;
        var verdicts = r.Verdicts.ToList();
        var gapCases = GapCases(r).ToList();
        var suite = new XElement("testsuite",
            new XAttribute("name", XmlText.Clean(s.Name)),
            new XAttribute("tests", verdicts.Count + gapCases.Count),
            new XAttribute("failures", verdicts.Count(v => !v.Holds) + gapCases.Count(c => c.Element("failure") is not null)),
            new XAttribute("errors", 0),
            new XAttribute("file", XmlText.Clean(s.Span.Path)));
        foreach (var v in verdicts)
        {
            var testcase = new XElement("testcase",
                new XAttribute("classname", XmlText.Clean(s.Name)),
                new XAttribute("name", XmlText.Clean($"[{v.Profile}] {v.Expect.Claim}")),
                new XAttribute("file", XmlText.Clean(v.Expect.Span.Path)),
                new XAttribute("line", v.Expect.Span.Line + 1));
            if (!v.Holds)
                testcase.Add(new XElement("failure",
                    new XAttribute("message", XmlText.Clean($"expected {v.Judgement.Expected}; observed {v.Judgement.Observed}"))));
            suite.Add(testcase);
        }
        suite.Add(gapCases);
        return suite;
    }

    /// <summary>A test case per gap line, judged across the profiles, and a failed one per new difference, each with its diagnostic's message.</summary>
    private static IEnumerable<XElement> GapCases(ScenarioResult r)
    {
        var s = r.Scenario.Syntax;
        var failures = GapJudge.Failures(r).ToList();
        XElement Case(string name, Errata.Diagnostics.SourceSpan at, Diagnostic? failure) =>
            new("testcase",
                new XAttribute("classname", XmlText.Clean(s.Name)),
                new XAttribute("name", XmlText.Clean(name)),
                new XAttribute("file", XmlText.Clean(at.Path)),
                new XAttribute("line", at.Line + 1),
                failure is null ? null : new XElement("failure", new XAttribute("message", XmlText.Clean(failure.Message))));
        foreach (var g in r.Gaps)
            yield return Case($"[gap] {g.Gap.Claim}", g.Gap.Span, g.Holds ? null : failures.First(d => d.Span == g.Gap.Span && d.Id != GapErrors.NewDifference.Id));
        foreach (var d in failures.Where(d => d.Id == GapErrors.NewDifference.Id))
            yield return Case("[new difference]", d.Span, d);
    }

    /// <summary>Each error of the input is a test case in error (JUnit's word for "could not run"), located as printed.</summary>
    private static XElement ErrorSuite(List<Diagnostic> errors, bool strict) =>
        new("testsuite",
            new XAttribute("name", "input"),
            new XAttribute("tests", errors.Count),
            new XAttribute("failures", 0),
            new XAttribute("errors", errors.Count),
            errors.Select(d => new XElement("testcase",
                new XAttribute("classname", "input"),
                new XAttribute("name", XmlText.Clean($"{d.Id} {d.Span}")),
                new XAttribute("file", XmlText.Clean(d.Span.Path)),
                new XAttribute("line", d.Span.Line + 1),
                new XElement("error",
                    new XAttribute("type", d.Id),
                    new XAttribute("message", XmlText.Clean(d.Message)),
                    XmlText.Clean(DiagnosticFormatter.Format(d, strict))))));
}
