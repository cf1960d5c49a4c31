namespace Errata.Site.Output;

/// <summary>
/// The file every build writes first into its staging folder, and so into the output: it
/// says the folder is Errata's to replace. Errata deletes a non-empty folder only when
/// this file is in it, so a folder of the user's is never taken for an old site.
/// </summary>
public static class OutputMarker
{
    public const string FileName = ".errata-site";

    private const string Signature = "errata-site 1";

    private const string Text = Signature + """

        This folder was written by Errata (errata build) and is replaced whole by the next build.
        Errata deletes a folder only while this file is in it: remove this file to keep the folder.

        """;

    public static void Write(string folder) => File.WriteAllText(Path.Combine(folder, FileName), Text);

    /// <summary>Whether the folder holds the marker: the file, starting with the signature line.</summary>
    public static bool IsIn(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return false;
        try
        {
            using var reader = new StreamReader(path);
            return reader.ReadLine() == Signature;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
