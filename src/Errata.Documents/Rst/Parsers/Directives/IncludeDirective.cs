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
        var root = RealPath.Resolve(context.Read.SourceRoot) ?? Path.GetFullPath(context.Read.SourceRoot);
        var relative = input.Argument.Trim();
        var span = input.Line.SpanAt(0, input.Line.Text.Length);
        // Links are followed before the containment check, so a link cannot lead an include out.
        var full = RealPath.Resolve(Path.Combine(context.Folder, relative));
        if (full is null)
        {
            context.Report(RstErrors.IncludeUnreadable, span, relative, "its links form a loop");
            return;
        }
        if (!RealPath.IsInside(root, full))
        {
            context.Report(RstErrors.IncludeOutsideRoot, span, relative);
            return;
        }
        if (context.IncludeDepth >= MaxDepth)
        {
            context.Report(RstErrors.IncludeUnreadable, span, relative, "includes nest too deeply");
            return;
        }
        // Named as the including document is named (relative to the working folder), so its diagnostics point at a file.
        var display = DisplayPath(context.DisplayFolder, Path.GetRelativePath(context.Folder, full));
        string text;
        try
        {
            text = DocumentText.Read(full, display, context.Document.Diagnostics);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Report(RstErrors.IncludeUnreadable, span, relative, e.Message);
            return;
        }
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

    /// <summary><paramref name="relative"/> from a folder named <paramref name="displayFolder"/>, with its ".." applied.</summary>
    private static string DisplayPath(string displayFolder, string relative)
    {
        if (Path.IsPathRooted(displayFolder)) return Path.GetFullPath(Path.Combine(displayFolder, relative)).Replace('\\', '/');
        // A stand-in root lets GetFullPath apply ".." to a relative name.
        var root = Path.GetFullPath("/errata-display");
        return Path.GetRelativePath(root, Path.GetFullPath(Path.Combine(root, displayFolder, relative))).Replace('\\', '/');
    }
}
