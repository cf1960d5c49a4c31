namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary>
/// A file a directive reads (<c>include</c>, <c>csv-table :file:</c>): resolved against the
/// reading file's real folder, as docutils does, and refused unless it stays inside the source
/// root once every link is followed. Problems are reported at the directive.
/// </summary>
internal static class IncludedFile
{
    /// <returns>The file's real path, its name as diagnostics show it, and its text; null once a problem is reported.</returns>
    public static (string Full, string Display, string Text)? Read(RstContext context, string relative, Errata.Diagnostics.SourceSpan span)
    {
        var root = RealPath.Resolve(context.Read.SourceRoot) ?? Path.GetFullPath(context.Read.SourceRoot);
        // Links are followed before the containment check, so a link cannot lead an include out.
        var full = RealPath.Resolve(Path.Combine(context.Folder, relative));
        if (full is null)
        {
            context.Report(RstErrors.IncludeUnreadable, span, relative, "its links form a loop");
            return null;
        }
        if (!RealPath.IsInside(root, full))
        {
            context.Report(RstErrors.IncludeOutsideRoot, span, relative);
            return null;
        }
        // Named as the including document is named (relative to the working folder), so its diagnostics point at a file.
        var display = DisplayPath(context.DisplayFolder, Path.GetRelativePath(context.Folder, full));
        try
        {
            return (full, display, DocumentText.Read(full, display, context.Document.Diagnostics));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Report(RstErrors.IncludeUnreadable, span, relative, e.Message);
            return null;
        }
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
