namespace Errata.Testing;

/// <summary>Finds the repository (the folder holding Errata.sln) from a test's output folder.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Errata.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("no Errata.sln above " + AppContext.BaseDirectory);
    }
}
