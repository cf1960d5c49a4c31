namespace Errata.Machine.Tests.Support;

/// <summary>The built-in profiles by name, for tests that hold on every one of them.</summary>
public static class AllProfiles
{
    public static TheoryData<string> Names => new() { "apm", "kvm", "kvm-novgif" };
}
