namespace Errata.Machine.Profiles;

/// <summary>The built-in profiles by name.</summary>
public static class ProfileRegistry
{
    public static IReadOnlyList<Profile> All => throw new NotImplementedException();

    public static bool TryGet(string name, out Profile profile) => throw new NotImplementedException();
}
