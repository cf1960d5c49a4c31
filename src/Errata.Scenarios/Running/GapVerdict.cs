using Errata.Scenarios.Claims;
using Errata.Scenarios.Syntax;

namespace Errata.Scenarios.Running;

/// <summary>How a gap line fared: it holds, closed (no profile differs on its claim) or moved (the profiles differ otherwise).</summary>
public enum GapState
{
    Holds,
    Closed,
    Moved,
}

/// <summary>A gap line's claim judged on one profile; <see cref="Stated"/> says whether the gap line names the profile.</summary>
public sealed record GapCell(string Profile, bool Stated, Judgement Judgement)
{
    public bool Holds => Judgement.Holds;

    /// <summary>Whether this profile is on the side the gap line puts it: the claim holds where named, fails elsewhere.</summary>
    public bool AsStated => Holds == Stated;
}

/// <summary>A gap line judged on every profile the scenario runs.</summary>
public sealed record GapVerdict(GapLine Gap, IReadOnlyList<GapCell> Cells)
{
    public GapState State =>
        Cells.All(c => c.AsStated) ? GapState.Holds
        : Cells.All(c => c.Holds) || Cells.All(c => !c.Holds) ? GapState.Closed
        : GapState.Moved;

    public bool Holds => State == GapState.Holds;
}
