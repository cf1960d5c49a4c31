namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary>
/// <c>include</c>: reads another file's text in place, as RST, or as a literal block with
/// <c>:literal:</c>/<c>:code:</c>, optionally only the part between <c>:start-after:</c> and <c>:end-before:</c>. Paths resolve against the including file's real folder,
/// as docutils does, and must stay inside the source root once every link is followed; a path in angle brackets is not supported (no standard library).
/// </summary>
internal sealed class IncludeDirective : IDirective
{
    private const int MaxDepth = 8;

    public DirectiveShape Shape { get; } = new(Required: 1, FinalArgumentWhitespace: true, HasContent: false);

    public void Run(RstContext context, DirectiveInput input, BlockSink sink)
    {
        var relative = input.Argument.Trim();
        var span = input.Line.SpanAt(0, input.Line.Text.Length);
        if (context.IncludeDepth >= MaxDepth)
        {
            context.Report(RstErrors.IncludeUnreadable, span, relative, "includes nest too deeply");
            return;
        }
        if (IncludedFile.Read(context, relative, span) is not { } file) return;
        var (full, display, text) = file;
        var firstLine = 0;
        if (input.Option("start-after") is { } after)
        {
            var at = text.IndexOf(after, StringComparison.Ordinal);
            if (at < 0)
            {
                context.Report(RstErrors.IncludeUnreadable, span, relative, "the text of the \"start-after\" option was not found");
                return;
            }
            firstLine = text.AsSpan(0, at + after.Length).Count('\n');
            text = text[(at + after.Length)..];
        }
        if (input.Option("end-before") is { } before)
        {
            var at = text.IndexOf(before, StringComparison.Ordinal);
            if (at < 0)
            {
                context.Report(RstErrors.IncludeUnreadable, span, relative, "the text of the \"end-before\" option was not found");
                return;
            }
            text = text[..at];
        }
        var source = new SourceText(display, text, firstLine);
        if (input.HasOption("literal") || input.HasOption("code"))
        {
            sink.Add(LiteralBlockParser.Literal(source.Lines, input.Option("code") is { Length: > 0 } language ? language : null));
            return;
        }
        var (folder, displayFolder) = (context.Folder, context.DisplayFolder);
        context.IncludeDepth++;
        context.Folder = Path.GetDirectoryName(full)!;
        context.DisplayFolder = Path.GetDirectoryName(display) ?? "";
        context.Body.Parse(source.Lines, sink);
        (context.Folder, context.DisplayFolder) = (folder, displayFolder);
        context.IncludeDepth--;
    }
}
