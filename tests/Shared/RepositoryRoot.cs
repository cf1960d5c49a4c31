namespace Errata.Testing;

/// <summary>Finds the repository (the folder holding Errata.sln) from a test's output folder, and ../shared beside it.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>The shared material beside the repository (the RST corpus); tests fail, never skip, without it.</summary>
    public static string Shared
    {
        get
        {
            var shared = System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, "..", "shared"));
            if (!Directory.Exists(shared))
                throw new DirectoryNotFoundException($"expected the shared folder beside the repository at {shared}");
            return shared;
        }
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Errata.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("no Errata.sln above " + AppContext.BaseDirectory);
    }
}
