using Errata.Testing;

namespace Errata.Benchmarks;

/// <summary>
/// Sphinx, the peer the corpus build is compared with: Debian's python3-sphinx (installed with
/// apt-get when /usr/bin/python3 cannot import it), the corpus' configuration in
/// tests/Corpus/tools/sphinx, and the kernel's rstFlatTable.py from $KERNEL_SPHINX_DIR or
/// from Debian's linux-source-6.12 tarball (installed when missing), extracted once.
/// </summary>
internal static class SphinxBuild
{
    private const string Tarball = "/usr/src/linux-source-6.12.tar.xz";

    /// <summary>Cold builds (a fresh output folder each time) of <paramref name="source"/>; the least of <paramref name="runs"/>.</summary>
    public static ToolProcess.Run Measure(string source, string work, int runs)
    {
        Ensure("sphinx", "python3-sphinx");
        Directory.CreateDirectory(work);
        var environment = new Dictionary<string, string> { ["KERNEL_SPHINX_DIR"] = KernelSphinx() };
        var config = Path.Combine(Corpus.Root, "tools", "sphinx");
        var output = Path.Combine(work, "html");
        var doctrees = Path.Combine(work, "doctrees");
        return ToolProcess.Best(runs,
            () => { foreach (var f in new[] { output, doctrees }) if (Directory.Exists(f)) Directory.Delete(f, recursive: true); },
            () =>
            {
                var run = ToolProcess.Measure(RstBenchmark.Python, work, environment, "-m", "sphinx", "-b", "html", "-q", "-d", doctrees, "-c", config, source, output);
                return run.ExitCode == 0 ? run : throw new InvalidOperationException($"sphinx-build exited {run.ExitCode}: {run.Error}");
            });
    }

    private static string KernelSphinx()
    {
        if (Environment.GetEnvironmentVariable("KERNEL_SPHINX_DIR") is { Length: > 0 } given) return given;
        var folder = Path.Combine(Path.GetTempPath(), "errata-kernel-sphinx");
        var sphinx = Path.Combine(folder, "linux-source-6.12", "Documentation", "sphinx");
        if (File.Exists(Path.Combine(sphinx, "rstFlatTable.py"))) return sphinx;
        if (!File.Exists(Tarball)) Install("linux-source-6.12");
        Directory.CreateDirectory(folder);
        var (code, _, error) = RstBenchmark.Execute("tar", $"-xJf {Tarball} -C \"{folder}\" linux-source-6.12/Documentation/sphinx");
        if (code != 0) throw new InvalidOperationException("cannot extract the kernel's Documentation/sphinx: " + error);
        return sphinx;
    }

    private static void Ensure(string module, string package)
    {
        if (RstBenchmark.Execute(RstBenchmark.Python, $"-c \"import {module}\"").Code != 0) Install(package);
    }

    private static void Install(string package)
    {
        Console.WriteLine($"{package} missing: installing it with apt-get");
        if (RstBenchmark.Execute("apt-get", $"install -y {package}").Code == 0) return;
        RstBenchmark.Execute("apt-get", "update");
        var (code, _, error) = RstBenchmark.Execute("apt-get", $"install -y {package}");
        if (code != 0) throw new InvalidOperationException($"cannot install {package}: " + error);
    }
}
