using Errata.Diagnostics;

namespace Errata.Site.Output;

/// <summary>
/// The output folder of a build and where it was named, for errors that point there: the
/// <c>output</c> key of site.config.json, or the <c>--output</c> option of the command line.
/// </summary>
/// <param name="Folder">The full path, as the build writes it.</param>
/// <param name="Written">The value as the user wrote it.</param>
/// <param name="Setting">What named it: <c>output</c> or <c>--output</c>.</param>
/// <param name="Span">The value in site.config.json; the file's start when the command line named it.</param>
public sealed record OutputTarget(string Folder, string Written, string Setting, SourceSpan Span);
