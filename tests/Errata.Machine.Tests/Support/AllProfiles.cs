namespace Errata.Machine.Tests.Support;

/// <summary>The built-in profiles by name, for tests that hold on every one of them.</summary>
public static class AllProfiles
{
    public static TheoryData<string> Names => new() { "apm", "kvm", "kvm-novgif", "qemu-tcg" };

    /// <summary>Profiles whose processor decodes ICEBP (QEMU 7.2's TCG raises #UD for it: rule qemu.icebp-undefined).</summary>
    public static TheoryData<string> DecodingIcebp => new() { "apm", "kvm", "kvm-novgif" };

    /// <summary>Profiles whose processor implements DR7.GD (QEMU 7.2's TCG does not: rule qemu.no-general-detect).</summary>
    public static TheoryData<string> WithGeneralDetect => new() { "apm", "kvm", "kvm-novgif" };

    /// <summary>Profiles that take VMRUN's single-step trap after the #VMEXIT (QEMU 7.2's TCG takes none: rule qemu.vmrun-takes-no-single-step).</summary>
    public static TheoryData<string> TrappingAfterVmrun => new() { "apm", "kvm", "kvm-novgif" };
}
