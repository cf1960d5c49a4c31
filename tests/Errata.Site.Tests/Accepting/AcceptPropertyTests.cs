using CsCheck;
using Errata.Site.Accepting;
using Errata.Site.Building;
using Errata.Site.Config;
using Errata.Site.Verification;

namespace Errata.Site.Tests.Accepting;

/// <summary>For any mix of holding and failing claims, in Markdown or RST, LF or CRLF: what accept promises.</summary>
public sealed class AcceptPropertyTests
{
    private static readonly string[] Claims =
    [
        "expect: no #DB", "expect apm: no #DB", "expect kvm: #DB at target", "expect: #DB at target with dr6 = 0xffff0ff1",
        "expect: gif = 1", "expect: gif = 0", "expect: rbx = 7", "expect: rbx = 3", "expect: [slot] = 0x1234",
        "expect: [slot] = 9", "expect: halted", "expect: shutdown", "expect kvm: #DB count 2", "expect: #DB before #UD",
        "expect apm: #DB discarded", "expect: [0x900000] = 1", "expect: #BP", "expect kvm: #DB pending until target",
    ];

    private static readonly Gen<string> Claim =
        Gen.Select(Gen.Int[0, Claims.Length - 1], Gen.Bool, (i, comment) => Claims[i] + (comment ? $"   ; note {i}" : ""));

    [Fact]
    public void Accept_KeepsWhatHolds_ChangesOnlyExpectLines_LeavesEveryClaimHolding_AndIsIdempotent()
    {
        Gen.Select(Gen.Bool, Gen.Bool, Gen.Bool, Claim.Array[0, 6]).Sample((rst, crlf, addMissing, claims) =>
        {
            var newline = crlf ? "\r\n" : "\n";
            using var doc = new AcceptDocument(rst, claims, newline);
            var config = new SiteConfig();
            var before = DocumentRun.Run(doc.Path, config, null, RunSelection.All);
            var holding = before.Scenarios.Single().Scenario.Syntax.Expects
                .Where(e => before.Scenarios.Single().Verdicts.Where(v => ReferenceEquals(v.Expect, e)).All(v => v.Holds))
                .Select(e => TextLines.Split(doc.Text)[e.Span.Line]).ToList();

            var result = Acceptor.Accept(doc.Path, config, new AcceptOptions(AddMissing: addMissing));
            Assert.Equal(ExitCode.Ok, result.ExitCode);
            var after = TextLines.Split(result.NewText!);
            foreach (var line in holding) Assert.Contains(line, after);
            Assert.Equal(Others(TextLines.Split(doc.Text)), Others(after));
            Assert.All(after, l => Assert.Equal(newline, TextLines.Ending(l)));
            Assert.Equal(after, TextLines.Split(Patch.Apply(doc.Text, result.Diff)));

            Acceptor.Write(doc.Path, result);
            var check = DocumentRun.Run(doc.Path, config, null, RunSelection.All);
            Assert.True(check.ExitCode == ExitCode.Ok, string.Join("\n", check.Diagnostics));
            Assert.Equal("", Acceptor.Accept(doc.Path, config, new AcceptOptions(AddMissing: addMissing)).Diff);
        }, iter: 60);
    }

    /// <summary>The lines accept never touches: all but expect lines and blank lines.</summary>
    private static List<string> Others(List<string> lines) =>
        lines.Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith("expect", StringComparison.Ordinal)).ToList();
}
