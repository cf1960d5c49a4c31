using Errata.Documents.Syntax;
using System.Globalization;

namespace Errata.Documents.Rst;

/// <summary>
/// The <c>sectnum</c> directive's effect, as docutils' SectNum transform gives it: every
/// section under the document title, to <see cref="Depth"/> levels, starts its title with its
/// number (<see cref="Prefix"/>, the numbers joined by dots from <see cref="Start"/>,
/// <see cref="Suffix"/>), so contents lists and the page outline show it too.
/// </summary>
internal sealed record SectionNumbers(int Depth, int Start, string Prefix, string Suffix)
{
    public void Apply(List<Block> sections) => Number(sections, [], 1);

    private void Number(List<Block> blocks, List<int> outer, int level)
    {
        if (level > Depth) return;
        var n = level == 1 ? Start : 1;
        foreach (var section in blocks.OfType<Section>())
        {
            List<int> numbers = [.. outer, n++];
            var text = Prefix + string.Join(".", numbers.Select(i => i.ToString(CultureInfo.InvariantCulture))) + Suffix;
            // docutils' generated number ends in three no-break spaces.
            var number = new InterpretedText { Role = "sectnum", Span = section.Span };
            number.Children.Add(new Text { Value = text + "\u00a0\u00a0\u00a0", Span = section.Span });
            section.Title.Insert(0, number);
            Number(section.Children, numbers, level + 1);
        }
    }
}
