using CsCheck;
using Errata.Documents.Rst;
using Errata.Documents.Syntax;

namespace Errata.Documents.Tests.Rst;

/// <summary>
/// csv-table against a CSV writer: random rows of cells holding commas, quotes and spaces,
/// written with every cell quoted and quotes doubled (as Python's csv module writes with
/// QUOTE_ALL), read back as the same cells; and any text at all as content never fails
/// the reader and is reported at a line of the directive when it is not CSV.
/// </summary>
public sealed class CsvTablePropertyTests
{
    // A cell is RST body text: four or more of one punctuation character would be a transition, not a paragraph.
    private static readonly Gen<string> Cell =
        Gen.Char["ab,\" "].Array[1, 6].Select(c => new string(c).Trim())
            .Where(s => s.Length > 0 && !(s.Length >= 4 && s.All(ch => ch == s[0]) && char.IsPunctuation(s[0])));

    private static Document Read(string rst) => new RstReader().Read("t.rst", rst, new ReadContext("."));

    [Fact]
    public void QuotedCells_ReadBackAsWritten()
    {
        Gen.Int[1, 4].SelectMany(width => Cell.Array[width].Array[1, 4]).Sample(rows =>
        {
            var content = string.Concat(rows.Select(r => "   " + string.Join(", ", r.Select(c => "\"" + c.Replace("\"", "\"\"") + "\"")) + "\n"));
            var doc = Read(".. csv-table::\n\n" + content);
            var table = Assert.IsType<Table>(Assert.Single(doc.Children));
            var read = table.Body.Select(r => r.Cells.Select(c => string.Concat(c.Children.OfType<Paragraph>().Select(p => Slug.PlainText(p.Inlines)))).ToArray()).ToArray();
            Assert.Equal(rows, read);
        });
    }

    [Fact]
    public void AnyContent_IsATableOrALocatedError()
    {
        Gen.Char["ab,\"\\ \n"].Array[1, 40].Select(c => new string(c)).Sample(text =>
        {
            var lines = text.Split('\n');
            var doc = Read(".. csv-table::\n   :escape: \\\n\n" + string.Concat(lines.Select(l => "   " + l + "\n")));
            Assert.All(doc.Diagnostics, d => Assert.InRange(d.Span.Line, 0, lines.Length + 2));
            Assert.True(doc.Children.Exists(b => b is Table) || doc.Diagnostics.Count > 0);
        });
    }
}
