using Errata.Documents;
using Errata.Documents.Rst;
using Errata.Testing;
using System.Text.RegularExpressions;

namespace Errata.Site.Tests.Rendering;

/// <summary>The default theme styles every class the RST renderer gives admonitions, field lists, docinfo, the subtitle and section numbers.</summary>
public sealed partial class RstThemeTests
{
    [Fact]
    public void EveryRstClass_HasARuleInTheDefaultTheme()
    {
        var pipeline = new DocumentPipelineBuilder().UseRst().Build();
        var rst = string.Concat(new[] { "note", "warning", "tip", "hint", "important", "attention", "caution", "danger", "error" }.Select(k => $".. {k}:: text\n\n"))
            + ".. topic:: T\n\n   text\n\n.. sidebar:: S\n\n   text\n\n";
        var html = pipeline.CreateRenderer().Render(pipeline.Read("t.rst", "Doc\n===\n\n:Author: A\n\nSub\n---\n\n.. sectnum::\n\nPart\n~~~~\n\n" + rst + ":field: value\n", new ReadContext(".")));
        var used = ClassAttribute().Matches(html).SelectMany(m => m.Groups[1].Value.Split(' ')).ToHashSet();
        string[] expected = ["admonition", "admonition-title", "note", "warning", "tip", "danger", "sidebar", "field-list", "docinfo", "sectnum"];
        Assert.All(expected, c => Assert.Contains(c, used));
        var css = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "templates", "assets", "style.css"));
        var missing = used.Where(c => c is not ("permalink" or "directive" or "line-block" or "line") && !css.Contains("." + c, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "classes without a rule in style.css: " + string.Join(", ", missing));
    }

    [GeneratedRegex("class=\"([^\"]+)\"")]
    private static partial Regex ClassAttribute();
}
