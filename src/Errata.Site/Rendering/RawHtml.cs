namespace Errata.Site.Rendering;

/// <summary>HTML that the generator built itself and a template may write unescaped; everything else is escaped.</summary>
public sealed record RawHtml(string Html)
{
    public override string ToString() => Html;
}
