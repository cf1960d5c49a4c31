using Errata.Documents.Rendering.Html;
using Scriban;
using Scriban.Parsing;

namespace Errata.Site.Rendering;

/// <summary>
/// A Scriban context that escapes every value a template writes unless it is <see cref="RawHtml"/>,
/// so an author's text can never inject markup or script, whatever a theme forgets.
/// </summary>
public sealed class HtmlTemplateContext : TemplateContext
{
    public HtmlTemplateContext()
    {
        StrictVariables = true;
        LoopLimit = 100_000;
        RecursiveLimit = 50;
        MemberRenamer = Scriban.Runtime.StandardMemberRenamer.Default;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject) => textAsObject switch
    {
        RawHtml raw => base.Write(span, raw.Html),
        null => this,
        _ => base.Write(span, HtmlEscaper.Escape(ObjectToString(textAsObject))),
    };
}
