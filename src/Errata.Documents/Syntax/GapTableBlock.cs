namespace Errata.Documents.Syntax;

/// <summary>
/// Where a page places its gap table: a Markdown ```gaps fence or an RST <c>gaps</c>
/// directive. The site fills it with the gap lines of the page's scenarios, or of every
/// scenario of the site when <see cref="WholeSite"/> (docs/guide/site.md, "Gap tables").
/// </summary>
public sealed class GapTableBlock : Block
{
    /// <summary>The word that asks for every page's gap lines; without it, the page's own.</summary>
    public const string SiteScope = "site";

    public bool WholeSite { get; init; }

    /// <summary>Reads the block's argument: empty (this page) or <see cref="SiteScope"/>; false for anything else.</summary>
    public static bool TryScope(string argument, out bool wholeSite)
    {
        var word = argument.Trim();
        wholeSite = word == SiteScope;
        return word.Length == 0 || wholeSite;
    }
}
