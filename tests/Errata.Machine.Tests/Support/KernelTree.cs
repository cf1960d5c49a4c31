using System.Diagnostics;

namespace Errata.Machine.Tests.Support;

/// <summary>
/// The kernel tree the KVM profiles model, read from Debian's linux-source-6.12 package
/// (tests/run.sh installs it): the files asked for are extracted from its tarball into a
/// temporary folder once per test process. Without the package every use fails, saying so.
/// </summary>
internal static class KernelTree
{
    public const string Package = "linux-source-6.12";
    public const string Tarball = "/usr/src/linux-source-6.12.tar.xz";
    private const string Prefix = "linux-source-6.12/";

    private static readonly object Gate = new();
    private static readonly Dictionary<string, string?> Extracted = [];
    private static string? _root;

    /// <summary>
    /// The text of each file (a path inside the tree), extracted in one pass; null for a file the
    /// tree does not have.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Read(IEnumerable<string> files)
    {
        if (!File.Exists(Tarball))
            Assert.Fail($"{Tarball} is missing: install Debian's {Package} package (tests/run.sh does) to check kernel citations");
        lock (Gate)
        {
            var missing = files.Distinct().Where(f => !Extracted.ContainsKey(f)).ToArray();
            if (missing.Length > 0) Extract(missing);
            return files.Distinct().ToDictionary(f => f, f => Extracted[f]);
        }
    }

    private static void Extract(string[] files)
    {
        if (_root is null)
        {
            _root = Directory.CreateTempSubdirectory("errata-kernel-").FullName;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(_root, recursive: true);
        }
        var start = new ProcessStartInfo("tar") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-xJf", Tarball, "-C", _root }) start.ArgumentList.Add(a);
        foreach (var f in files) start.ArgumentList.Add(Prefix + f);
        using var tar = Process.Start(start)!;
        var errors = tar.StandardError.ReadToEnd();
        tar.WaitForExit();
        foreach (var f in files)
        {
            var path = Path.Combine(_root, Prefix + f);
            Extracted[f] = File.Exists(path) ? File.ReadAllText(path) : null;
        }
        // tar exits 2 when a member is absent, which the null text reports; anything else is a broken archive.
        if (tar.ExitCode != 0 && files.All(f => Extracted[f] is not null))
            Assert.Fail($"tar could not read {Tarball}: {errors}");
    }
}
