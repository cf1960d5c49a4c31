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
    public HtmlTemplateContext() : this(null)
    {
    }

    /// <param name="builtins">Scriban's built-in functions, shared between contexts that only read them; null for a fresh set.</param>
    public HtmlTemplateContext(Scriban.Runtime.ScriptObject? builtins) : base(builtins)
    {
        StrictVariables = true;
        // Scriban cuts a template's output and every string at 1 MiB by default, silently:
        // a page of any size must render whole, and a limit that is still hit must throw
        // (the build reports it at the document) rather than truncate.
        LimitToString = 0;
        OutputLimit = 0;
        OnStringLimit = ScriptLimitBehavior.Throw;
        OnOutputLimit = ScriptLimitBehavior.Throw;
        // Loops walk the site's own models, whose size is the author's content; the limit
        // only stops a theme's runaway `while`, so it sits far above any real page.
        LoopLimit = int.MaxValue;
        LoopLimitQueryable = int.MaxValue;
        RecursiveLimit = 50;
        MemberRenamer = Scriban.Runtime.StandardMemberRenamer.Default;
    }

    /// <summary>
    /// When set, every loop stops at its next step (`serve`: a later save supersedes the page
    /// being rendered); the output is then incomplete, and whoever set it throws it away.
    /// </summary>
    public CancellationToken Stop { get; init; }

    protected override bool OnStepLoop(Scriban.Syntax.ScriptLoopStatementBase loop) =>
        !Stop.IsCancellationRequested && base.OnStepLoop(loop);

    public override TemplateContext Write(SourceSpan span, object? textAsObject) => textAsObject switch
    {
        RawHtml raw => base.Write(span, raw.Html),
        null => this,
        _ => base.Write(span, HtmlEscaper.Escape(ObjectToString(textAsObject))),
    };
}
