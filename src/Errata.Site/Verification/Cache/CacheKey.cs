using System.Security.Cryptography;
using System.Text;
using Errata.Machine;
using Errata.Machine.Profiles;
using Errata.Scenarios.Running;

namespace Errata.Site.Verification.Cache;

/// <summary>
/// Everything that can change one profile's outcome of a scenario, each part a hash: the
/// scenario's text, the image the assembler made of it, the profile's rules (an inverted
/// profile's differ), the machine's build identity and the tool's version. Equal keys give
/// equal outcomes; <see cref="ChangesFrom"/> names the parts that differ, for `--verbose`.
/// </summary>
public sealed record CacheKey(string Scenario, string Image, string Rules, string Machine, string Tool)
{
    /// <summary>The layout of entries; a new layout makes every old entry a miss.</summary>
    public const string EntryFormat = "errata-outcome/1";

    /// <summary>
    /// The machine's rules and model version with the identity of its compiled code: a change
    /// to a mechanism changes the second even when nobody bumps the first.
    /// </summary>
    public static string MachineIdentity { get; } =
        $"{X86Machine.Version}/{typeof(X86Machine).Assembly.ManifestModule.ModuleVersionId:N}";


    public string Hash => HashOf(string.Join("\n", EntryFormat, Scenario, Image, Rules, Machine, Tool));

    /// <param name="machine">The machine's identity: <see cref="MachineIdentity"/> unless a test gives another.</param>
    /// <param name="tool">The tool's version: <see cref="Site.ToolVersion.Release"/> unless a test gives another.</param>
    public static CacheKey For(CompiledScenario scenario, Profile profile, string? machine = null, string? tool = null) => new(
        HashOf(string.Join("\n", scenario.Syntax.SourceText)),
        ImageHash(scenario.Image),
        HashOf(profile.Name + "\n" + profile.ReportsSkinit + "\n" + profile.RulesIdentity),
        machine ?? MachineIdentity,
        tool ?? Site.ToolVersion.Release);

    /// <summary>Why an earlier key of the same scenario and profile no longer applies, one phrase per part.</summary>
    public IReadOnlyList<string> ChangesFrom(CacheKey earlier)
    {
        var changes = new List<string>();
        if (Scenario != earlier.Scenario) changes.Add("scenario text changed");
        if (Image != earlier.Image) changes.Add("assembled image changed");
        if (Rules != earlier.Rules) changes.Add("profile's rules changed");
        if (Machine != earlier.Machine) changes.Add("machine changed");
        if (Tool != earlier.Tool) changes.Add("tool version changed");
        return changes;
    }

    public static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Every field of the image the machine starts from, in a fixed order.</summary>
    private static string ImageHash(MachineImage image)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string s) => hash.AppendData(Encoding.UTF8.GetBytes(s + "\n"));
        foreach (var block in image.Memory)
        {
            Add($"mem {block.Address:x} {block.Bytes.Length}");
            hash.AppendData(block.Bytes);
        }
        Add($"entry {image.Entry:x} guest {image.GuestEntry:x} budget {image.Budget}");
        foreach (var (id, address) in image.Handlers.OrderBy(h => h.Key.Class).ThenBy(h => h.Key.Number)) Add($"handler {id.Class} {id.Number} {address:x}");
        foreach (var i in image.Injections) Add($"inject {i.Event.Class} {i.Event.Number} {i.Address:x}");
        foreach (var (key, value) in image.Vmcb.OrderBy(k => k.Key, StringComparer.Ordinal)) Add($"vmcb {key} {value:x}");
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
