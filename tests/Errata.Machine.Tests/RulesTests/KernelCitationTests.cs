using System.Text.RegularExpressions;
using Errata.Machine.Profiles;
using Errata.Machine.Rules;
using Errata.Machine.Tests.Support;

namespace Errata.Machine.Tests.RulesTests;

/// <summary>
/// Every kernel file and function a rule cites exists in the tree the KVM profiles model
/// (<see cref="KernelCitation.Tree"/>), checked against Debian's linux-source-6.12.
/// </summary>
public sealed partial class KernelCitationTests
{
    private static IEnumerable<Rule> AllRules =>
        ProfileRegistry.All.SelectMany(p => p.Rules).DistinctBy(r => r.Id);

    [Fact]
    public void Parse_ReadsFilesAndFunctions_SkippingOtherSources()
    {
        var c = KernelCitation.Parse("APM Vol. 2 15.10; arch/x86/kvm/svm/svm.c: io_interception; arch/x86/kvm/x86.c: kvm_fast_pio, kvm_vcpu_check_hw_bp");
        Assert.Equal(2, c.Count);
        Assert.Equal("arch/x86/kvm/svm/svm.c", c[0].File);
        Assert.Equal(["io_interception"], c[0].Functions);
        Assert.Equal("arch/x86/kvm/x86.c", c[1].File);
        Assert.Equal(["kvm_fast_pio", "kvm_vcpu_check_hw_bp"], c[1].Functions);
        Assert.Empty(KernelCitation.Parse("policy: Errata's position where the APM is silent"));
        Assert.Equal(["arch/x86/kvm/svm/nested.c nested_svm_vmrun FIXME"], KernelCitation.Malformed("arch/x86/kvm/svm/nested.c nested_svm_vmrun FIXME"));
    }

    [Fact]
    public void EveryKvmRule_CitesKernelCodeInTheCheckableFormat()
    {
        Assert.All(AllRules, r => Assert.Empty(KernelCitation.Malformed(r.Source)));
        Assert.All(AllRules.Where(r => r.Id.StartsWith("kvm.", StringComparison.Ordinal)),
            r => Assert.NotEmpty(KernelCitation.Parse(r.Source)));
    }

    [Fact]
    public void KvmProfiles_NameTheTreeTheyModel()
    {
        Assert.All(ProfileRegistry.All.Where(p => p.Name.StartsWith("kvm", StringComparison.Ordinal)),
            p => Assert.Contains(KernelCitation.Tree, p.Description));
    }

    [Fact]
    public void EveryCitedFunction_IsDefinedInItsFileInTheModelledTree()
    {
        var citations = AllRules.SelectMany(r => KernelCitation.Parse(r.Source).Select(c => (Rule: r, Citation: c))).ToArray();
        var text = KernelTree.Read(citations.Select(c => c.Citation.File));
        var wrong = new List<string>();
        foreach (var (rule, c) in citations)
        {
            if (text[c.File] is not { } source) wrong.Add($"{rule.Id}: {c.File} is not in {KernelCitation.Tree}");
            else
                wrong.AddRange(c.Functions.Where(f => !Defines(source, f))
                    .Select(f => $"{rule.Id}: {c.File} defines no {f} in {KernelCitation.Tree}"));
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>The check can fail: 6.12 allocates its I/O map in svm_hardware_setup, not per vCPU.</summary>
    [Fact]
    public void Defines_RejectsAFunctionTheTreeDoesNotHave()
    {
        var svm = KernelTree.Read(["arch/x86/kvm/svm/svm.c"])["arch/x86/kvm/svm/svm.c"]!;
        Assert.True(Defines(svm, "svm_hardware_setup"));
        Assert.False(Defines(svm, "svm_vcpu_alloc_iopm"));
        Assert.False(Defines(svm, "kvm_fast_pio")); // called there, defined in x86.c
    }

    /// <summary>A definition: at the start of a line, after its return type, and not a prototype.</summary>
    private static bool Defines(string source, string function) =>
        Definition(function).Matches(source).Any(m => !m.Value.TrimEnd().EndsWith(';'));

    private static Regex Definition(string function) =>
        new($@"^(?:[A-Za-z_][^;(\n]*[ \t*])?{Regex.Escape(function)}\([^\n]*$", RegexOptions.Multiline);
}
