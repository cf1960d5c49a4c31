using Errata.Machine.Events;
using Errata.Machine.Profiles;
using Errata.Machine.Tests.Support;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Machine.Tests.RulesTests;

public sealed class RuleRegistryTests
{
    [Fact]
    public void EveryProfile_HasUniqueRuleIdsWithStatementsAndSources()
    {
        foreach (var profile in ProfileRegistry.All)
        {
            Assert.Equal(profile.Rules.Count, profile.Rules.Select(r => r.Id).Distinct().Count());
            Assert.All(profile.Rules, r =>
            {
                Assert.Matches("^[a-z0-9]+(\\.[a-z0-9-]+)+$", r.Id);
                Assert.False(string.IsNullOrWhiteSpace(r.Statement));
                Assert.False(string.IsNullOrWhiteSpace(r.Source));
            });
        }
    }

    [Fact]
    public void KvmProfiles_AreTheProcessorsRulesPlusKvms()
    {
        Assert.True(ProfileRegistry.TryGet("apm", out var apm));
        Assert.True(ProfileRegistry.TryGet("kvm", out var kvm));
        Assert.True(ProfileRegistry.TryGet("kvm-novgif", out var novgif));
        Assert.Subset(kvm.Rules.Select(r => r.Id).ToHashSet(), apm.Rules.Select(r => r.Id).ToHashSet());
        Assert.Equal(kvm.Rules.Select(r => r.Id), novgif.Rules.Select(r => r.Id));
        Assert.DoesNotContain(apm.Rules, r => r.Id.StartsWith("kvm.", StringComparison.Ordinal));
        Assert.Contains(apm.Rules, r => r.Id == "gif0.discard-breakpoint-match" && r.Source == "APM Vol. 2 15.17, Table 15-10");
        Assert.Contains(apm.Rules, r => r.Source.StartsWith("policy: ", StringComparison.Ordinal));
    }

    /// <summary>
    /// qemu-tcg is the processor's rules with QEMU's where it departs: no KVM rule, no APM rule it
    /// replaces, and every QEMU rule cites a QEMU 7.2 file and function in the kernel citations' form.
    /// </summary>
    [Fact]
    public void QemuTcg_IsTheProcessorsRulesWithQemusInPlaceOfThoseItReplaces()
    {
        Assert.True(ProfileRegistry.TryGet("apm", out var apm));
        Assert.True(ProfileRegistry.TryGet("qemu-tcg", out var qemu));
        Assert.Equal(apm.Rules.Count, qemu.Rules.Count);
        Assert.DoesNotContain(qemu.Rules, r => r.Id.StartsWith("kvm.", StringComparison.Ordinal));
        var replaced = apm.Rules.Select(r => r.Id).Except(qemu.Rules.Select(r => r.Id)).Order().ToArray();
        Assert.Equal(["apic.x2apic-icr-sends", "db.data-match-on-accessed-bytes", "db.data-reports-every-match", "db.dr6-reports-enabled-matches", "db.general-detect-fault", "db.icebp-trap",
            "db.io-breakpoint-needs-cr4-de", "db.matches-reported-once", "db.range-aligned-to-len", "db.rf-cleared-as-the-instruction-runs", "exception.fault-sets-rf", "gif0.discard-breakpoint-match", "gif0.hold-init", "gif0.hold-intr",
            "gif0.hold-machine-check", "gif0.hold-nmi", "gif0.hold-smi", "priority.smi-init-before-debug-traps", "shadow.mov-ss-holds-its-data-match", "shadow.mov-ss-keeps-its-single-step", "shadow.sti-keeps-its-single-step",
            "svm.int3-intercepted-as-bp", "svm.vmexit-disables-host-breakpoints", "svm.vmexit-keeps-dr6", "svm.vmrun-tf-trap-after-vmexit"], replaced);
        var own = qemu.Rules.Where(r => r.Id.StartsWith("qemu.", StringComparison.Ordinal)).ToArray();
        Assert.Equal(replaced.Length, own.Length);
        const string citation = @"(target|accel|softmmu)/[\w./-]+\.c: [a-z_0-9]+(, [a-z_0-9]+)*";
        Assert.All(own, r => Assert.Matches($"^QEMU 7\\.2 {citation}(; {citation})*$", r.Source));
    }

    /// <summary>Decisions ask the rule set: inverting the one rule flips the outcome on both platforms.</summary>
    [Theory]
    [InlineData("apm", "gif0.discard-breakpoint-match", Disposition.Delivered)]
    [InlineData("kvm", "kvm.db-reinjected-without-gif-check", Disposition.Discarded)]
    [InlineData("kvm-novgif", "kvm.db-reinjected-without-gif-check", Disposition.Discarded)]
    public void InvertingTheDecidingRule_FlipsTheBreakpointsFate(string profile, string ruleId, Disposition expected)
    {
        var p = new TestProgram();
        var a = p.Asm;
        var target = p.Label();
        a.clgi();
        Snippets.Arm(a, dr0, target, 0x401);
        p.At(ref target);
        a.nop();
        a.stgi();
        a.hlt();
        Assert.True(ProfileRegistry.TryGet(profile, out var original));
        var inverted = original.WithInverted(ruleId);
        Assert.NotNull(inverted);
        var o = X86Machine.Run(p.Image(), inverted!);
        var db = o.Single(EventId.DebugException);
        Assert.Equal(expected, db.Disposition);
        Assert.Equal(ruleId, db.Rule.Id);
        Assert.Null(original.WithInverted("no.such-rule"));
    }
}
