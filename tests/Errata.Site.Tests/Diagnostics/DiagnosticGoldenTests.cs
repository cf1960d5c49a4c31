using System.Text;
using Errata.Diagnostics;
using Errata.Site.Building;
using Errata.Testing;

namespace Errata.Site.Tests.Diagnostics;

/// <summary>
/// Golden files: each folder under Golden/Diagnostics is a small site with bad input, and
/// its expected.txt is what `errata check` reports for it, formatted as the terminal shows
/// it. A change to any message, id, span or exit code shows up as a diff of that file.
/// Set ERRATA_UPDATE_GOLDEN=1 to write the files from what the code reports now, then
/// review the diff before committing it.
/// </summary>
public sealed class DiagnosticGoldenTests
{
    public const string UpdateVariable = "ERRATA_UPDATE_GOLDEN";

    private static readonly string Cases = Path.Combine(RepositoryRoot.Path, "tests", "Errata.Site.Tests", "Golden", "Diagnostics");

    private static List<string> CaseNames() => Directory.GetDirectories(Cases).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();

    public static TheoryData<string> Names() => new(CaseNames());

    [Theory]
    [MemberData(nameof(Names))]
    public void Diagnostics_MatchTheGoldenFile(string name)
    {
        var folder = Path.Combine(Cases, name);
        var actual = Report(folder);
        var golden = Path.Combine(folder, "expected.txt");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
            File.WriteAllText(golden, actual, new UTF8Encoding(false));
        Assert.True(File.Exists(golden), $"{golden} is missing; run the tests with {UpdateVariable}=1 to write it");
        Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings("\n"), actual);
    }

    [Fact]
    public void EveryCase_StopsOnBadInput()
    {
        Assert.NotEmpty(CaseNames());
        Assert.All(CaseNames(), n => Assert.StartsWith("exit: BadInput\n", Report(Path.Combine(Cases, n)), StringComparison.Ordinal));
    }

    /// <summary>The exit code and the diagnostics in source order, with paths relative to the case's folder wherever they appear.</summary>
    private static string Report(string folder)
    {
        var result = SiteBuilder.Build(new BuildOptions(Path.Combine(folder, "site.config.json"), WriteSite: false));
        var prefix = SiteBuilder.Display(folder) + "/";
        var text = new StringBuilder().Append("exit: ").Append(result.ExitCode).Append('\n');
        foreach (var d in DiagnosticFormatter.InSourceOrder(result.Diagnostics))
        {
            // Messages can name a second place (where a key or a name was first used) too.
            text.Append(DiagnosticFormatter.Format(d).ReplaceLineEndings("\n").Replace(prefix, "", StringComparison.Ordinal)).Append('\n');
        }
        return text.ToString();
    }
}
