namespace Errata.Scenarios.Running;

/// <summary>Site-wide settings a scenario falls back on.</summary>
public sealed record ScenarioOptions(IReadOnlyList<string> DefaultProfiles)
{
    public static readonly ScenarioOptions Default = new(["apm", "kvm", "kvm-novgif"]);

    /// <summary>
    /// The folder of the site's documents. What a run says about a document's line (the
    /// instruction that stopped it) names the document relative to it, as the site's pages
    /// name documents, whatever folder the tool runs in and however the config was given.
    /// Null keeps the path the document was read as.
    /// </summary>
    public string? SourceRoot { get; init; }

    /// <summary>A document's path, as it was read (relative to the working folder, or absolute), as runs report it.</summary>
    public string DocumentPath(string path) =>
        SourceRoot is null ? path : Path.GetRelativePath(SourceRoot, Path.GetFullPath(path)).Replace('\\', '/');
}
