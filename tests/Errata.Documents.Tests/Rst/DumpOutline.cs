using Errata.Documents.Rst;

namespace Errata.Documents.Tests.Rst;

public sealed class DumpOutline
{
    [Fact]
    public void DumpOutlineForFile()
    {
        var file = Environment.GetEnvironmentVariable("DIFF_FILE");
        if (file is null) return;
        File.WriteAllText("/tmp/e.txt", Outline.FromPseudoXml(PseudoXml.Parse(File.ReadAllText(Path.Combine(Corpus.Root, "ref", "parse-only", Path.ChangeExtension(file, ".pseudoxml"))))));
        var doc = new RstReader().Read(file, Corpus.Read(file), new ReadContext(Corpus.Root, AllowRaw: true));
        File.WriteAllText("/tmp/a.txt", Outline.FromModel(doc));
        File.WriteAllText("/tmp/d.txt", string.Join("\n", doc.Diagnostics));
    }
}
