using CsCheck;
using Errata.Diagnostics;
using Errata.Documents.Syntax;
using Errata.Scenarios.Running;

namespace Errata.Scenarios.Tests.Parsing;

/// <summary>Random bodies, made of the language's own fragments and noise, never crash the parser or the compiler.</summary>
public class ScenarioFuzzTests
{
    private static readonly string[] Fragments =
    [
        "title:", "profiles:", "apm", "kvm", "kvm-novgif", "all", "inject:", "nmi", "intr 0x20", "at", "budget:", "10",
        "code:", "data:", "guest:", "handler", "#DB", "#GP", "expect", "expect:", "expect apm:", "no", "discarded",
        "pending until", "count", "before", "with", "dr6", "=", "0xffff0ff1", "halted", "budget exceeded",
        "mov", "rax,", "dr0", "dr7", "clgi", "stgi", "nop", "hlt", "target:", "target", "[rel target]", "qword",
        "dq", "db", "\"s;x\"", ";", ":", ",", "[", "]", "+", "*", "(", ")", "-1", "0b101", "10h", "\t", "  ",
    ];

    private static readonly Gen<string> Line =
        Gen.OneOf(
            Gen.Int[0, Fragments.Length - 1].Array[0, 6].Select(ix => string.Join(' ', ix.Select(i => Fragments[i]))),
            Gen.Char.Array[0, 12].Select(cs => new string(cs)));

    [Fact]
    public void RandomBodies_GiveDiagnosticsInsideTheBlock_NeverExceptions()
    {
        Line.Array[0, 14].Sample(lines =>
        {
            var block = new ScenarioBlock
            {
                Name = "fuzz",
                Span = new SourceSpan("fuzz.md", 0, 0, 3),
                Lines = lines.Select((t, i) => new SourceLine(t, new SourceSpan("fuzz.md", i + 1, 0, t.Length))).ToList(),
            };
            var bag = new DiagnosticBag();
            ScenarioCompiler.Compile(block, ScenarioOptions.Default, bag);
            foreach (var d in bag.Items)
            {
                Assert.InRange(d.Span.Line, 0, lines.Length);
                var width = d.Span.Line == 0 ? 3 : lines[d.Span.Line - 1].Length;
                Assert.InRange(d.Span.Column, 0, width);
                Assert.InRange(d.Span.Column + d.Span.Length, 0, Math.Max(width, 1) + 1);
            }
        }, iter: 3000);
    }
}
