namespace Errata.Site.Building;

/// <summary>The commands' exit codes (docs/guide/commands.md).</summary>
public enum ExitCode
{
    Ok = 0,
    ClaimsFailed = 1,
    BadInput = 2,

    /// <summary>Errata itself failed (a machine fault, a bug): never a verdict on the documents.</summary>
    InternalError = 3,
}
