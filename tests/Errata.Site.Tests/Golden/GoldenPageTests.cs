using Errata.Machine;
using Errata.Site.Building;
using Errata.Site.Tests.Building;
using Errata.Testing;

namespace Errata.Site.Tests.Golden;

/// <summary>
/// The pages of a small fixed site (Golden/site: one Markdown and one RST page, each with a
/// scenario) compared byte for byte with the pages checked in under Golden/expected. A change
/// that alters them fails here; when the change is meant, regenerate the expected pages with
/// ERRATA_UPDATE_GOLDEN=1 and review their diff. What differs between builds is fixed first:
/// the verification dates by a fixed clock, the machine version by a placeholder.
/// </summary>
public sealed class GoldenPageTests : IDisposable
{
    public const string UpdateVariable = "ERRATA_UPDATE_GOLDEN";
    public const string VersionPlaceholder = "MACHINE-VERSION";

    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "tests", "Errata.Site.Tests", "Golden");
    private static readonly string[] Pages = ["index.html", "guide.html", "scenarios.html"];

    private readonly string _root = Directory.CreateTempSubdirectory("errata-golden-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    public static TheoryData<string> PageNames() => new(Pages);

    [Theory]
    [MemberData(nameof(PageNames))]
    public void Page_IsAsCheckedIn(string page)
    {
        var actual = Build(page);
        var expectedFile = Path.Combine(Folder, "expected", page);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(expectedFile, actual);
            return;
        }
        Assert.True(File.Exists(expectedFile), $"{expectedFile} is missing; run the tests with {UpdateVariable}=1 to write it");
        var expected = File.ReadAllText(expectedFile);
        Assert.True(expected == actual, $"{page} differs from {expectedFile} {FirstDifference(expected, actual)}; if the change is meant, run the tests with {UpdateVariable}=1 and review the diff");
    }

    [Fact]
    public void TwoBuilds_OnDifferentDays_DifferOnlyInTheirDates()
    {
        // What the golden pages fix must be all that varies: built again later from a fresh
        // copy, a page differs only where the first-verified date is written.
        var first = Build("index.html");
        var later = Build("index.html", new DateTimeOffset(2031, 5, 6, 0, 0, 0, TimeSpan.Zero), fresh: true);
        Assert.NotEqual(first, later);
        Assert.Equal(first, later.Replace("2031-05-06", "2026-01-02", StringComparison.Ordinal));
    }

    private string Build(string page, DateTimeOffset? on = null, bool fresh = false)
    {
        var site = Path.Combine(_root, fresh ? "later" : "site");
        if (!Directory.Exists(site))
        {
            SiteFixture.CopyTree(Path.Combine(Folder, "site"), site);
            SiteFixture.CopyTree(Path.Combine(RepositoryRoot.Path, "templates"), Path.Combine(site, "templates"));
        }
        var options = new BuildOptions(Path.Combine(site, "site.config.json")) { Clock = new FixedClock(on ?? new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero)) };
        var result = SiteBuilder.Build(options);
        Assert.True(result.ExitCode == ExitCode.Ok, string.Join("\n", result.Diagnostics));
        return File.ReadAllText(Path.Combine(site, "_site", page)).Replace(X86Machine.Version, VersionPlaceholder, StringComparison.Ordinal);
    }

    private static string FirstDifference(string expected, string actual)
    {
        var i = 0;
        while (i < expected.Length && i < actual.Length && expected[i] == actual[i]) i++;
        var line = expected.AsSpan(0, i).Count('\n') + 1;
        string Around(string s) => s.Substring(Math.Max(0, i - 40), Math.Min(80, s.Length - Math.Max(0, i - 40)));
        return $"at line {line}: expected \"{Around(expected)}\", got \"{Around(actual)}\"";
    }
}
