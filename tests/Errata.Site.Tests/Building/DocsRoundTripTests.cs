using Errata.Documents;
using Errata.Diagnostics;
using Errata.Documents.Syntax;
using Errata.Scenarios.Assembly;
using Errata.Scenarios.Running;
using Errata.Site.Building;
using Errata.Testing;
using Iced.Intel;
using IcedDecoder = Iced.Intel.Decoder;

namespace Errata.Site.Tests.Building;

/// <summary>Every instruction assembled anywhere under docs/ decodes to itself, and its formatted text assembles to the same bytes.</summary>
public class DocsRoundTripTests
{
    public static TheoryData<string, string> Instructions()
    {
        var data = new TheoryData<string, string>();
        var docs = Path.Combine(RepositoryRoot.Path, "docs");
        var pipeline = SitePipeline.Create();
        foreach (var relative in SourceSet.Find(docs, pipeline))
        {
            var doc = pipeline.Read("docs/" + relative, File.ReadAllText(Path.Combine(docs, relative)), new ReadContext(docs));
            foreach (var block in doc.Descendants<ScenarioBlock>())
            {
                var compiled = ScenarioCompiler.Compile(block, ScenarioOptions.Default, new DiagnosticBag())
                    ?? throw new InvalidOperationException($"scenario {block.Name} in {relative} does not compile");
                foreach (var insn in compiled.Assembly.Instructions)
                    data.Add($"{block.Name}:{insn.Line.Origin.Line + 1}", Convert.ToHexString(Bytes(compiled.Assembly, insn)) + "@" + insn.Address.ToString("x", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return data;
    }

    private static byte[] Bytes(AssemblyResult a, AssembledInstruction i) => a.Bytes.AsSpan((int)(i.Address - a.Base), i.Length).ToArray();

    [Fact]
    public void Docs_HaveInstructionsToCheck() => Assert.True(Instructions().Count >= 8);

    [Theory]
    [MemberData(nameof(Instructions))]
    public void Instruction_RoundTripsThroughIcedsFormatter(string where, string encoded)
    {
        var parts = encoded.Split('@');
        var bytes = Convert.FromHexString(parts[0]);
        var address = Convert.ToUInt64(parts[1], 16);
        var decoder = IcedDecoder.Create(64, new ByteArrayCodeReader(bytes), address);
        decoder.Decode(out var decoded);
        Assert.Equal(bytes.Length, decoded.Length);
        var text = TextAssembler.Format(decoded);

        var line = new SourceLine(text, new SourceSpan(where, 0, 0, text.Length));
        var again = TextAssembler.Assemble([new AsmSection("code", [line], 1)], address);
        Assert.False(again.HasErrors, string.Join("\n", again.Diagnostics));
        Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(again.Bytes));
    }
}
