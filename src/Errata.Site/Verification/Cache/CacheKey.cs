using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Errata.Machine;
using Errata.Machine.Profiles;
using Errata.Scenarios.Assembly;
using Errata.Scenarios.Running;

namespace Errata.Site.Verification.Cache;

/// <summary>
/// Everything that can change one profile's outcome of a scenario, each part a hash: the
/// scenario's text, the assembler that makes its image, the profile's rules (an inverted
/// profile's differ), the machine's build identity and the tool's version. The image is a pure
/// function of the first two, so the key is known without it. Equal keys give equal outcomes;
/// <see cref="ChangesFrom"/> names the parts that differ, for `--verbose`.
/// </summary>
public sealed record CacheKey(string Scenario, string Assembler, string Rules, string Machine, string Tool)
{
    /// <summary>
    /// The machine's rules and model version with the identity of its compiled code: a change
    /// to a mechanism changes the second even when nobody bumps the first.
    /// </summary>
    public static string MachineIdentity { get; } =
        $"{X86Machine.Version}/{typeof(X86Machine).Assembly.ManifestModule.ModuleVersionId:N}";

    /// <summary>
    /// The identity of the code that turns a scenario's text into its image: the scenario
    /// language and its assembler (one compiled module, deterministic builds) and the encoder
    /// under it. The memory map the image is laid out in belongs to the machine's identity.
    /// </summary>
    public static string AssemblerIdentity { get; } =
        $"{typeof(TextAssembler).Assembly.ManifestModule.ModuleVersionId:N}/{typeof(Iced.Intel.Encoder).Assembly.GetName().Version}";

    // Each profile's rules hashed once: the text of every decision is long, and every run asks.
    private static readonly ConditionalWeakTable<Profile, string> RulesHashes = new();

    /// <summary>The hash an entry is found by: every part of the key.</summary>
    public string Hash => HashOf(string.Join("\n", CacheIndex.Format, Scenario, Assembler, Rules, Machine, Tool));

    /// <param name="machine">The machine's identity: <see cref="MachineIdentity"/> unless a test gives another.</param>
    /// <param name="tool">The tool's version: <see cref="Site.ToolVersion.Release"/> unless a test gives another.</param>
    /// <param name="assembler">The assembler's identity: <see cref="AssemblerIdentity"/> unless a test gives another.</param>
    public static CacheKey For(CompiledScenario scenario, Profile profile, string? machine = null, string? tool = null, string? assembler = null) => new(
        HashOf(string.Join("\n", scenario.Syntax.SourceText)),
        assembler ?? AssemblerIdentity,
        RulesHashes.GetValue(profile, p => HashOf(p.Name + "\n" + p.ReportsSkinit + "\n" + p.RulesIdentity)),
        machine ?? MachineIdentity,
        tool ?? Site.ToolVersion.Release);

    /// <summary>Why an earlier key of the same scenario and profile no longer applies, one phrase per part.</summary>
    public IReadOnlyList<string> ChangesFrom(CacheKey earlier)
    {
        var changes = new List<string>();
        if (Scenario != earlier.Scenario) changes.Add("scenario text changed");
        if (Assembler != earlier.Assembler) changes.Add("assembler changed");
        if (Rules != earlier.Rules) changes.Add("profile's rules changed");
        if (Machine != earlier.Machine) changes.Add("machine changed");
        if (Tool != earlier.Tool) changes.Add("tool version changed");
        return changes;
    }

    public static string HashOf(string text) => HashOf(Encoding.UTF8.GetBytes(text));

    /// <summary>The SHA-256 of UTF-8 text, in lowercase hexadecimal.</summary>
    public static string HashOf(ReadOnlySpan<byte> utf8) => Convert.ToHexStringLower(SHA256.HashData(utf8));
}
