namespace Errata.Site.Tests.Accepting;

/// <summary>
/// One scenario written as a Markdown fence or an RST directive, with the expect lines a
/// test gives it, in a temporary folder. Observed on the machine: on apm the DR0
/// breakpoint at `target` is discarded while GIF=0, on kvm #DB is delivered there with
/// DR6 = 0xffff0ff1; both end halted with GIF=1, RAX = 0x401, RBX = 7, [slot] = 0x1234.
/// </summary>
internal sealed class AcceptDocument : IDisposable
{
    private static readonly string[] Body =
    [
        "code:",
        "        mov rax, target",
        "        mov dr0, rax",
        "        mov rax, 0x401",
        "        mov dr7, rax",
        "        clgi",
        "target: nop",
        "        stgi",
        "        mov rbx, 7",
        "        hlt",
        "",
        "data:",
        "slot:   dq 0x1234",
        "",
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("errata-accept-").FullName;

    public AcceptDocument(bool rst, IEnumerable<string> expects, string newline = "\n")
    {
        Path = System.IO.Path.Combine(_dir, rst ? "gif.rst" : "gif.md");
        var lines = rst
            ? ["GIF", "===", "", ".. scenario:: gif-db", "   :profiles: apm kvm", "", .. Body.Concat(expects).Select(l => l.Length == 0 ? "" : "   " + l), "", "After."]
            : new[] { "# GIF", "", "```scenario gif-db", "profiles: apm kvm", "" }.Concat(Body).Concat(expects).Concat(["```", "", "After."]);
        Text = string.Concat(lines.Select(l => l + newline));
        File.WriteAllText(Path, Text);
    }

    public string Path { get; }
    public string Text { get; }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
