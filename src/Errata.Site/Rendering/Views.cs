namespace Errata.Site.Rendering;

// Flat view models handed to Scriban: templates never see live machine or document objects.

public sealed record SiteView(string Title, string BaseUrl, string MachineVersion, string Reference);

public sealed record NavItem(string Title, string Url, bool Current);

public sealed record TocItem(string Title, string Id, int Level);

public sealed record PageView(
    SiteView Site,
    string Title,
    string SourcePath,
    string Root,
    RawHtml Content,
    IReadOnlyList<NavItem> Nav,
    IReadOnlyList<TocItem> Toc,
    NavItem? Prev,
    NavItem? Next);

public sealed record ScenarioView(
    string Name,
    string Id,
    string Title,
    string Source,
    IReadOnlyList<CodeLineView> Code,
    IReadOnlyList<string> Profiles,
    IReadOnlyList<ClaimRowView> Claims,
    IReadOnlyList<GapView> Gaps,
    IReadOnlyList<TraceView> Traces,
    bool Failed,
    string MachineVersion);

public sealed record CodeLineView(string Section, string Address, string Bytes, string Text, string Label);

public sealed record ClaimRowView(string Text, int Line, bool Failed, IReadOnlyList<CellView> Cells);

/// <summary>One expect line on one profile: holds, fails or n/a (the line is for other profiles).</summary>
public sealed record CellView(string Profile, string State, string Expected, string Observed, string DivergenceId);

public sealed record GapView(string Event, string Text);

public sealed record TraceView(string Id, string Profile, string Description, string End, long Instructions, string Verified, IReadOnlyList<EventView> Events);

public sealed record EventView(
    string Id,
    int Sequence,
    string Event,
    string Cause,
    string Disposition,
    string Rip,
    string Label,
    string Dr6,
    string RuleId,
    string Rule,
    string Source);
