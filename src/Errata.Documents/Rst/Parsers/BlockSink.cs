using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers;

/// <summary>
/// Where parsed blocks go. At document level (and in Sphinx's <c>only</c>) a section title
/// opens a section that receives the following blocks; elsewhere titles are not allowed.
/// </summary>
internal sealed class BlockSink(List<Block> root, bool allowTitles, int baseLevel = 0)
{
    private readonly Stack<Section> _open = new();

    public bool AllowTitles { get; } = allowTitles;
    public int Level => _open.Count > 0 ? _open.Peek().Level : baseLevel;
    public List<Block> Current => _open.Count > 0 ? _open.Peek().Children : root;

    public void Add(Block block) => Current.Add(block);

    public void AddRange(IEnumerable<Block> blocks) => Current.AddRange(blocks);

    public void Open(Section section)
    {
        while (_open.Count > 0 && _open.Peek().Level >= section.Level) _open.Pop();
        Add(section);
        _open.Push(section);
    }
}
