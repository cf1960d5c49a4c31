using Errata.Diagnostics;

namespace Errata.Site.Reports;

/// <summary>Writes a report file, creating its folder: CI jobs name paths like reports/errata.xml before the folder exists.</summary>
public static class ReportFile
{
    /// <summary>Null when written; otherwise the diagnostic saying why not, located at the path as given.</summary>
    public static Diagnostic? Write(string path, string content)
    {
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null) Directory.CreateDirectory(folder);
            File.WriteAllText(path, content);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return SiteErrors.Unwritable.At(SourceSpan.None(path), path, e.Message);
        }
    }
}
