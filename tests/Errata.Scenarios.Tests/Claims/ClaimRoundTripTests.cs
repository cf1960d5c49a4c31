using CsCheck;
using Errata.Scenarios.Claims;

namespace Errata.Scenarios.Tests.Claims;

/// <summary>The printer and the parser agree: a printed claim reads back as the same claim, however it is spaced.</summary>
public class ClaimRoundTripTests
{
    private static Assertion Read(string text)
    {
        var r = AssertionParser.Parse(text);
        Assert.True(r.Error is null, $"'{text}': {r.Error} at {r.ErrorOffset}");
        return r.Assertion!;
    }

    [Fact]
    public void PrintedClaims_ReadBackAsTheSameClaim_WithLabelsAtTheirColumns()
    {
        ClaimGen.Claim.Sample(claim =>
        {
            var text = ClaimPrinter.Print(claim);
            var read = Read(text);
            Assert.Equal(claim, read);
            Assert.Equal(text, ClaimPrinter.Print(read));
            foreach (var label in read.Labels)
                Assert.Equal(label.Name, text.Substring(label.Offset, label.Name.Length));
        }, iter: 20_000, print: ClaimPrinter.Print);
    }

    /// <summary>White space between words is free, and none is needed around `=`, `[` and `]`.</summary>
    [Fact]
    public void PrintedClaims_SpacedOtherwise_ReadAsTheSameClaim()
    {
        var spacing = Gen.OneOf(" ", "  ", "\t", " \t ");
        Gen.Select(ClaimGen.Claim, spacing.Array[64, 64], Gen.Bool).Sample((claim, spaces, tight) =>
        {
            var text = ClaimPrinter.Print(claim);
            if (tight) text = text.Replace(" = ", "=", StringComparison.Ordinal);
            var parts = text.Split(' ');
            var respaced = parts[0] + string.Concat(parts.Skip(1).Select((p, i) => spaces[i % spaces.Length] + p));
            Assert.Equal(claim, Read(respaced));
        }, iter: 5_000, print: t => ClaimPrinter.Print(t.Item1));
    }

    [Fact]
    public void EveryClaimKind_IsGenerated()
    {
        var kinds = new HashSet<Type>();
        ClaimGen.Claim.Sample(c => { kinds.Add(c.GetType()); }, iter: 2_000);
        var all = typeof(Assertion).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Assertion)) && !t.IsAbstract).ToHashSet();
        Assert.Equal(all.OrderBy(t => t.Name).Select(t => t.Name), kinds.OrderBy(t => t.Name).Select(t => t.Name));
    }

    [Theory]
    [InlineData("gif = 0", "gif = 0")]
    [InlineData("RAX=0x0a", "rax = 0xa")]
    [InlineData("[ slot ] = 10h", "[slot] = 0x10")]
    [InlineData("[460070h] = 129", "[0x460070] = 0x81")]
    [InlineData("vmexit   VMMCALL", "vmexit vmmcall")]
    [InlineData("#db at t with frame.RFLAGS.RF = 1", "#DB at t with frame.rflags.rf = 1")]
    [InlineData("intr 32 count 02", "intr 0x20 count 2")]
    [InlineData("budget   exceeded", "budget exceeded")]
    public void Print_GivesTheCanonicalForm(string text, string canonical) =>
        Assert.Equal(canonical, ClaimPrinter.Print(Read(text)));
}
