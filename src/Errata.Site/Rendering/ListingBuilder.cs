using System.Globalization;
using Errata.Diagnostics;
using Errata.Scenarios.Assembly;
using Errata.Scenarios.Running;

namespace Errata.Site.Rendering;

/// <summary>
/// The listing a page shows: the scenario's body exactly as written (comments, labels, data,
/// handler sections, header and expect lines), each assembled line with its address and bytes.
/// </summary>
public static class ListingBuilder
{
    /// <summary>Long data lines show their first bytes; the listing is for reading, the address says where the rest is.</summary>
    private const int BytesShown = 16;

    public static List<ListingLineView> Build(CompiledScenario scenario)
    {
        var syntax = scenario.Syntax;
        var assembly = scenario.Assembly;
        var placed = new Dictionary<SourceSpan, LinePlacement>();
        foreach (var p in assembly.Placements) placed.TryAdd(p.Origin, p);
        var assemblyLines = syntax.Sections.SelectMany(s => s.Lines).Select(l => l.Origin).ToHashSet();
        return syntax.Lines.Select(line =>
        {
            var tokens = assemblyLines.Contains(line.Origin) ? SourceHighlighter.Assembly(line.Text) : SourceHighlighter.Keyed(line.Text);
            var (address, bytes) = placed.TryGetValue(line.Origin, out var p) ? (Hex(p.Address), Bytes(assembly, p)) : ("", "");
            return new ListingLineView(line.Origin.Line + 1, address, bytes, tokens.Select(t => new AsmTokenView(t.Text, KindOf(t.Kind))).ToList());
        }).ToList();
    }

    private static string Hex(ulong address) => "0x" + address.ToString("x", CultureInfo.InvariantCulture);

    private static string Bytes(AssemblyResult assembly, LinePlacement p)
    {
        var offset = (int)(p.Address - assembly.Base);
        var shown = assembly.Bytes.Skip(offset).Take(Math.Min(p.Length, BytesShown)).Select(b => b.ToString("x2", CultureInfo.InvariantCulture));
        return string.Join(' ', shown) + (p.Length > BytesShown ? " …" : "");
    }

    /// <summary>The same classes the theme styles for formatted instructions (<see cref="AsmHighlighter"/>), and one for comments.</summary>
    private static string KindOf(SourcePieceKind kind) => kind switch
    {
        SourcePieceKind.Plain => "",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
