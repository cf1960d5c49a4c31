using Errata.Site.Accepting;
using Errata.Site.Building;
using Errata.Site.Config;

namespace Errata.Site.Tests.Accepting;

/// <summary>accept keeps what holds, rewrites what fails, adds only when asked, and says what it did.</summary>
public sealed class AcceptorTests
{
    private static AcceptResult Accept(AcceptDocument doc, bool addMissing = false)
    {
        var result = Acceptor.Accept(doc.Path, new SiteConfig(), new AcceptOptions(AddMissing: addMissing));
        Assert.True(result.ExitCode == ExitCode.Ok, string.Join("\n", result.Diagnostics));
        return result;
    }

    /// <summary>Accepts the document and checks its new text is the old one with each (old, new) pair replaced.</summary>
    private static AcceptResult AssertRewrites(AcceptDocument doc, bool addMissing, params (string Old, string New)[] replacements)
    {
        var result = Accept(doc, addMissing);
        var expected = replacements.Aggregate(doc.Text, (text, r) => text.Replace(r.Old, r.New, StringComparison.Ordinal));
        Assert.Equal(expected, result.NewText);
        return result;
    }

    private static readonly string[] Holding =
    [
        "expect apm: no #DB           ; dropped while GIF=0",
        "expect kvm: #DB at target    ; KVM delivers it",
        "expect: gif = 1 ;after stgi",
        "expect: [slot] = 0x1234",
        "expect:   rbx = 7",
        "expect: halted",
    ];

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void ClaimsThatHold_WithTheirComments_StayByteForByte(bool rst, bool addMissing)
    {
        using var doc = new AcceptDocument(rst, Holding);
        var result = Accept(doc, addMissing);
        Assert.Equal(doc.Text, result.NewText);
        Assert.Equal("", result.Diff);
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AFailingRaxClaim_TakesTheObservedValue_AndKeepsItsComment(bool rst)
    {
        using var doc = new AcceptDocument(rst, ["expect: rax = 0x5   ; the value last written to DR7", .. Holding]);
        AssertRewrites(doc, false, ("expect: rax = 0x5   ;", "expect: rax = 0x401   ;"));
    }

    [Fact]
    public void FailingMemoryCountAndEndClaims_KeepTheirKind_AndTakeTheObservedValue()
    {
        using var doc = new AcceptDocument(false, ["expect: [slot] = 1", "expect kvm: #DB count 2 ; once", "expect: shutdown", "expect: rbx = 3"]);
        AssertRewrites(doc, false,
            ("expect: [slot] = 1\n", "expect: [slot] = 0x1234\n"),
            ("#DB count 2 ; once", "#DB count 1 ; once"),
            ("expect: shutdown\n", "expect: halted\n"),
            ("expect: rbx = 3\n", "expect: rbx = 7\n"));
    }

    [Theory]
    [InlineData(false, "")]
    [InlineData(true, "   ")]
    public void AnEventClaimFailingOnOneProfile_IsKeptWhereItHolds_AndReplacedWhereItFails(bool rst, string indent)
    {
        using var doc = new AcceptDocument(rst, ["expect: no #DB   ; GIF=0 drops it", "expect: halted"]);
        AssertRewrites(doc, false, (
            indent + "expect: no #DB   ; GIF=0 drops it\n",
            indent + "expect apm: no #DB   ; GIF=0 drops it\n" + indent + "expect kvm: #DB at target with dr6 = 0xffff0ff1\n"));
    }

    [Fact]
    public void TheComment_StaysWithTheClaimAsWritten_WhereItStillHolds()
    {
        using var doc = new AcceptDocument(false, ["expect: #DB at target ; KVM delivers it"]);
        AssertRewrites(doc, false, (
            "expect: #DB at target ; KVM delivers it\n",
            "expect apm: #DB discarded\nexpect apm: no #DB\nexpect kvm: #DB at target ; KVM delivers it\n"));
    }

    [Fact]
    public void ATabInsideAnRstAssertion_StillRewritesTheLine_AndKeepsTheComment()
    {
        using var doc = new AcceptDocument(true, ["expect: rax =\t1   ; tabbed"]);
        var result = Accept(doc);
        var line = Assert.Single(TextLines.Split(result.NewText!), l => l.Contains("expect", StringComparison.Ordinal));
        Assert.StartsWith("   expect: rax =", line, StringComparison.Ordinal);
        Assert.EndsWith("0x401   ; tabbed\n", line, StringComparison.Ordinal);
        Acceptor.Write(doc.Path, result);
        Assert.False(Accept(doc).Changed);
    }

    [Fact]
    public void AFailingClaimWithNothingObservedToReplaceIt_IsRemoved_AndReported()
    {
        using var doc = new AcceptDocument(false, ["expect: [0x900000] = 1   ; outside memory", "expect: halted"]);
        var result = AssertRewrites(doc, false, ("expect: [0x900000] = 1   ; outside memory\n", ""));
        var note = Assert.Single(result.Diagnostics);
        Assert.Equal("ERR0920", note.Descriptor.Id);
        var line = doc.Text.Split('\n').ToList().FindIndex(l => l.StartsWith("expect: [0x900000]", StringComparison.Ordinal));
        Assert.Equal((line, 8), (note.Span.Line, note.Span.Column));
        Assert.Contains("'[0x900000] = 1' does not hold on apm, kvm", note.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "")]
    [InlineData(true, "   ")]
    public void ObservedEventsNoClaimSpeaksAbout_AreAddedOnlyWhenAsked(bool rst, string indent)
    {
        using var doc = new AcceptDocument(rst, ["expect: halted ; both"]);
        Assert.Equal(doc.Text, Accept(doc).NewText);
        AssertRewrites(doc, true, (
            indent + "expect: halted ; both\n",
            indent + "expect: halted ; both\n" +
            indent + "expect apm: #DB discarded\n" +
            indent + "expect apm: no #DB\n" +
            indent + "expect kvm: #DB at target with dr6 = 0xffff0ff1\n"));
    }

    [Fact]
    public void AScenarioWithNoExpectLine_GetsTheFullObservedSet()
    {
        using var doc = new AcceptDocument(true, []);
        AssertRewrites(doc, false, (
            "   slot:   dq 0x1234\n",
            "   slot:   dq 0x1234\n\n   expect apm: #DB discarded\n   expect apm: no #DB\n   expect kvm: #DB at target with dr6 = 0xffff0ff1\n   expect: halted\n"));
    }

    [Fact]
    public void CrlfDocument_KeepsCrlfOnEveryLine_ItWritesOrKeeps()
    {
        using var doc = new AcceptDocument(true, ["expect: no #DB ; x", "expect: rax = 1"], "\r\n");
        var result = Accept(doc, addMissing: true);
        Assert.NotEqual(doc.Text, result.NewText);
        Assert.DoesNotContain("\n", result.NewText!.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("   expect: rax = 0x401\r\n", result.NewText, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_KeepsAByteOrderMark_AndSkipsAnUnchangedFile()
    {
        using var doc = new AcceptDocument(false, ["expect: rax = 1"]);
        File.WriteAllText(doc.Path, doc.Text, new System.Text.UTF8Encoding(true));
        var result = Accept(doc);
        Acceptor.Write(doc.Path, result);
        var bytes = File.ReadAllBytes(doc.Path);
        Assert.Equal(new System.Text.UTF8Encoding(true).GetBytes(result.NewText!), bytes[3..]);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);

        var stamp = File.GetLastWriteTimeUtc(doc.Path).AddDays(-1);
        File.SetLastWriteTimeUtc(doc.Path, stamp);
        var again = Accept(doc);
        Assert.False(again.Changed);
        Acceptor.Write(doc.Path, again);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(doc.Path));
    }
}
