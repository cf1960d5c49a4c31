using System.Text.RegularExpressions;

namespace Errata.Machine.Rules;

/// <summary>
/// A kernel function a rule's source cites. Sources write them as <c>FILE: FUNCTION[, FUNCTION...]</c>,
/// several separated by "; " and mixed with other sources ("arch/x86/kvm/svm/svm.c: io_interception;
/// arch/x86/kvm/x86.c: kvm_fast_pio"), so each can be checked against the tree the KVM profiles model.
/// </summary>
public sealed partial record KernelCitation(string File, IReadOnlyList<string> Functions)
{
    /// <summary>The kernel tree the KVM profiles model; every citation names code in it.</summary>
    public const string Tree = "Linux 6.12.y (Debian linux-source-6.12)";

    private static readonly string[] KernelFolders = ["arch/", "include/", "virt/", "kernel/"];

    /// <summary>The kernel citations of a source, in order; other parts (APM sections, policy) are skipped.</summary>
    public static IReadOnlyList<KernelCitation> Parse(string source) =>
        Parts(source).Where(IsKernel).Select(p => TryParse(p, out var c) ? c : null).OfType<KernelCitation>().ToArray();

    /// <summary>Parts of a source that name a kernel file but do not follow the citation format.</summary>
    public static IReadOnlyList<string> Malformed(string source) =>
        Parts(source).Where(p => IsKernel(p) && !TryParse(p, out _)).ToArray();

    private static IEnumerable<string> Parts(string source) =>
        source.Split("; ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool IsKernel(string part) => KernelFolders.Any(f => part.StartsWith(f, StringComparison.Ordinal));

    private static bool TryParse(string part, out KernelCitation citation)
    {
        var m = Format().Match(part);
        citation = m.Success
            ? new KernelCitation(m.Groups["file"].Value, m.Groups["fns"].Value.Split(", "))
            : null!;
        return m.Success;
    }

    [GeneratedRegex(@"^(?<file>[a-z]+/[\w./-]+\.[chS]): (?<fns>[A-Za-z_]\w*(?:, [A-Za-z_]\w*)*)$")]
    private static partial Regex Format();
}
