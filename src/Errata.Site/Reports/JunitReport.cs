using System.Xml.Linq;
using Errata.Scenarios.Running;

namespace Errata.Site.Reports;

/// <summary>JUnit XML for CI dashboards: a suite per scenario, a test case per claim and profile.</summary>
public static class JunitReport
{
    public static string Write(IEnumerable<ScenarioResult> results)
    {
        var suites = new XElement("testsuites");
        foreach (var r in results)
        {
            var s = r.Scenario.Syntax;
            var verdicts = r.Verdicts.ToList();
            var suite = new XElement("testsuite",
                new XAttribute("name", s.Name),
                new XAttribute("tests", verdicts.Count),
                new XAttribute("failures", verdicts.Count(v => !v.Holds)),
                new XAttribute("file", s.Span.Path));
            foreach (var v in verdicts)
            {
                var testcase = new XElement("testcase",
                    new XAttribute("classname", s.Name),
                    new XAttribute("name", $"[{v.Profile}] {v.Expect.Text}"),
                    new XAttribute("file", v.Expect.Span.Path),
                    new XAttribute("line", v.Expect.Span.Line + 1));
                if (!v.Holds)
                    testcase.Add(new XElement("failure",
                        new XAttribute("message", $"expected {v.Judgement.Expected}; observed {v.Judgement.Observed}")));
                suite.Add(testcase);
            }
            suites.Add(suite);
        }
        return new XDocument(new XDeclaration("1.0", "utf-8", null), suites).ToString() + "\n";
    }
}
