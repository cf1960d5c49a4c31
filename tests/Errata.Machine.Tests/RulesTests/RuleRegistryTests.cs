using Errata.Machine.Profiles;

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
        Assert.Contains(apm.Rules, r => r.Source.StartsWith("policy (reference §10)", StringComparison.Ordinal));
    }
}
