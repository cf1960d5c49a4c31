namespace Errata.Site.Output;

/// <summary>
/// A folder whose files a build must never replace: the output may not be it or hold it,
/// and, when <paramref name="InsideToo"/>, may not lie inside it either (a site written
/// into the sources would be read back as sources).
/// </summary>
/// <param name="Folder">Its path; links are resolved when compared.</param>
/// <param name="Role">How messages name it, e.g. <c>the source folder 'docs'</c>.</param>
public sealed record GuardedFolder(string Folder, string Role, bool InsideToo);
