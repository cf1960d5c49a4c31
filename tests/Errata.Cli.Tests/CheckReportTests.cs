using System.Text.Json;
using System.Xml.Linq;

namespace Errata.Cli.Tests;

/// <summary>`errata check` reports: every format carries bad input, and --report writes where it is told.</summary>
public sealed class CheckReportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("errata-report-").FullName;

    private const string Good = "# Good\n\n```scenario ok\nprofiles: apm\ncode:\n  hlt\nexpect: halted\n```\n";
    // The error is at document line 6, column 3 (one-based): "  movz rax, 1".
    private const string Bad = "# Bad\n\n```scenario bad\nprofiles: apm\ncode:\n  movz rax, 1\n  hlt\nexpect: halted\n```\n";

    public CheckReportTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "docs"));
        File.WriteAllText(Path.Combine(_dir, "site.config.json"), "{}");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Docs(params (string Name, string Text)[] docs)
    {
        foreach (var (name, text) in docs) File.WriteAllText(Path.Combine(_dir, "docs", name), text);
    }

    [Fact]
    public void Report_InAFolderThatDoesNotExist_CreatesIt()
    {
        Docs(("index.md", Good));
        var (exit, output, err) = CliRunner.Run(_dir, "check", "--format", "junit", "--report", "nodir/deeper/r.xml");
        Assert.True(exit == 0, err);
        var text = File.ReadAllText(Path.Combine(_dir, "nodir", "deeper", "r.xml"));
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<testsuites", text, StringComparison.Ordinal);
        var xml = XDocument.Parse(text);
        Assert.Equal("1", xml.Root!.Attribute("tests")!.Value);
        Assert.Contains("1 of 1 claim(s) hold", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_ThatCannotBeWritten_IsALocatedError_ExitTwo()
    {
        Docs(("index.md", Good));
        File.WriteAllText(Path.Combine(_dir, "afile"), "not a folder");
        var (exit, _, err) = CliRunner.Run(_dir, "check", "--report", "afile/r.txt");
        Assert.Equal(2, exit);
        Assert.StartsWith("afile/r.txt(1,1): error ERR0904: cannot write the report 'afile/r.txt'", CliRunner.WithoutProgress(err), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_OnBadInput_GivesNoClaimTally()
    {
        Docs(("index.md", Bad), ("other.md", Good));
        var (exit, output, err) = CliRunner.Run(_dir, "check");
        Assert.Equal(2, exit);
        Assert.Contains("docs/index.md(6,3): error ERR0301", err, StringComparison.Ordinal);
        Assert.Equal("stopped on bad input (1 error(s)); no verdict on the claims\n", output);
    }

    [Fact]
    public void Junit_OnBadInput_CarriesTheErrors()
    {
        Docs(("index.md", Bad), ("other.md", Good));
        var (exit, output, _) = CliRunner.Run(_dir, "check", "--format", "junit", "--report", "r.xml");
        Assert.Equal(2, exit);
        Assert.DoesNotContain("hold", output, StringComparison.Ordinal);
        var root = XDocument.Load(Path.Combine(_dir, "r.xml")).Root!;
        Assert.Equal("1", root.Attribute("errors")!.Value);
        var error = Assert.Single(root.Descendants("error"));
        Assert.Equal("ERR0301", error.Attribute("type")!.Value);
        Assert.Contains("movz", error.Attribute("message")!.Value, StringComparison.Ordinal);
        Assert.Equal("6", error.Parent!.Attribute("line")!.Value);
        Assert.Equal("docs/index.md", error.Parent!.Attribute("file")!.Value);
    }

    [Fact]
    public void Junit_OfADocumentHoldingAControlCharacter_IsWellFormed_AndNamesIt()
    {
        // XML 1.0 cannot carry U+0000: the name and the error about it are written as \u0000.
        Docs(("index.rst", "Title\n=====\n\n.. scenario:: o\0k\n   :profiles: apm\n\n   code:\n     hlt\n   expect: halted\n"));
        var (exit, _, _) = CliRunner.Run(_dir, "check", "--format", "junit", "--report", "r.xml");
        Assert.Equal(2, exit);
        var root = XDocument.Load(Path.Combine(_dir, "r.xml")).Root!;
        var error = Assert.Single(root.Descendants("error"));
        Assert.Equal("ERR0103", error.Attribute("type")!.Value);
        Assert.Contains(root.Descendants("testsuite"), s => s.Attribute("name")!.Value == "o\\u0000k");
    }

    [Fact]
    public void Json_OnBadInput_CarriesTheOutcomeAndTheDiagnostics()
    {
        Docs(("index.md", Bad));
        var (exit, output, _) = CliRunner.Run(_dir, "check", "--format", "json");
        Assert.Equal(2, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("bad-input", root.GetProperty("outcome").GetString());
        Assert.Equal(2, root.GetProperty("exitCode").GetInt32());
        var d = Assert.Single(root.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(("ERR0301", "error", "docs/index.md", 6, 3),
            (d.GetProperty("id").GetString(), d.GetProperty("severity").GetString(), d.GetProperty("file").GetString(), d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32()));
    }

    [Fact]
    public void Json_WhenAllHold_SaysOk()
    {
        Docs(("index.md", Good));
        var (exit, output, _) = CliRunner.Run(_dir, "check", "--format", "json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("ok", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("diagnostics").GetArrayLength());
        Assert.Equal(1, json.RootElement.GetProperty("scenarios").GetArrayLength());
    }

    [Fact]
    public void Github_OnBadInput_AnnotatesTheError()
    {
        Docs(("index.md", Bad));
        var (exit, output, _) = CliRunner.Run(_dir, "check", "--format", "github");
        Assert.Equal(2, exit);
        Assert.StartsWith("::error file=docs/index.md,line=6,col=3,title=ERR0301::unknown mnemonic 'movz'", output, StringComparison.Ordinal);
    }
}
