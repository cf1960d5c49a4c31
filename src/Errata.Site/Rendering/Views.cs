namespace Errata.Site.Rendering;

// Flat view models handed to Scriban: templates never see live machine or document objects.

public sealed record SiteView(string Title, string BaseUrl, string MachineVersion, string Reference)
{
    /// <summary>
    /// The page's absolute address when baseUrl is an absolute http(s) URL (for the canonical
    /// link); null for a relative baseUrl, where the site's own relative links are enough.
    /// </summary>
    public string? CanonicalOf(string outputPath) =>
        Uri.TryCreate(BaseUrl, UriKind.Absolute, out var b) && (b.Scheme == Uri.UriSchemeHttps || b.Scheme == Uri.UriSchemeHttp)
            ? new Uri(b, outputPath.Replace('\\', '/')).AbsoluteUri
            : null;
}

public sealed record NavItem(string Title, string Url, bool Current);

/// <summary>An entry of a page's table of contents: a section, or a scenario (Kind "scenario").</summary>
public sealed record TocItem(string Title, string Id, int Level, string Kind);

/// <summary>
/// A page of the site. <see cref="SourcePath"/> is relative to the source folder (empty for
/// generated pages); <see cref="ShowTitle"/> asks the layout for the page's h1 when the
/// content has none; <see cref="IsScenarioIndex"/> marks the scenarios page in the header.
/// </summary>
public sealed record PageView(
    SiteView Site,
    string Title,
    string SourcePath,
    string Root,
    RawHtml Content,
    NavListView Nav,
    IReadOnlyList<TocItem> Toc,
    NavItem? Prev,
    NavItem? Next,
    bool ShowTitle,
    bool IsScenarioIndex,
    bool IsRules = false,
    string? Canonical = null,
    bool IsContents = false,
    bool HasContents = false);

/// <summary>The contents page: the whole navigation tree, open, and how many of its pages hold a failing scenario.</summary>
public sealed record ContentsView(NavListView Tree, int Pages, int Failing);

public sealed record ScenarioView(
    string Name,
    string Id,
    string Title,
    int HeadingLevel,
    string Summary,
    string Source,
    IReadOnlyList<ListingLineView> Listing,
    IReadOnlyList<string> Profiles,
    IReadOnlyList<ClaimRowView> Claims,
    IReadOnlyList<GapView> Gaps,
    GapTableView GapTable,
    IReadOnlyList<TraceView> Traces,
    bool Failed,
    string MachineVersion);

/// <summary>
/// One line of the scenario as its author wrote it (Line is the document's line number), with
/// the address and bytes it assembled to; both empty for a line that is not assembly.
/// </summary>
public sealed record ListingLineView(int Line, string Address, string Bytes, IReadOnlyList<AsmTokenView> Tokens);

/// <summary>A piece of an instruction's text; Kind is its highlighting class, empty for plain text.</summary>
public sealed record AsmTokenView(string Text, string Kind);

public sealed record ClaimRowView(string Text, int Line, bool Failed, IReadOnlyList<CellView> Cells);

/// <summary>One expect line on one profile: holds, fails or n/a (the line is for other profiles).</summary>
public sealed record CellView(string Profile, string State, string Expected, string Observed, string DivergenceId);

/// <summary>An event whose fate differs between profiles; New when the scenario states gaps and none speaks about it.</summary>
public sealed record GapView(string Event, string Text, bool New = false);

/// <summary>One profile's run: Open when a claim fails on it, so the evidence is in view; Verified is empty then. RunBy names the backend when it was not the built-in machine.</summary>
/// <param name="ProfileUrl">The profile's description on the rules page.</param>
public sealed record TraceView(string Id, string Profile, string Description, string End, long Instructions, string Verified, bool Open, IReadOnlyList<EventView> Events, string RunBy = "", string ProfileUrl = "");

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
    string Source,
    string RuleUrl,
    IReadOnlyList<StateFieldView> State,
    string Handler);

/// <summary>A state field beside an event ("GIF", "0"); the trace shows GIF, V_GIF and DR7 as the event was raised.</summary>
public sealed record StateFieldView(string Name, string Value);

/// <summary>The rules page: every rule of every built-in profile, with where it comes from.</summary>
public sealed record RulesView(IReadOnlyList<ProfileView> Profiles, IReadOnlyList<RuleRowView> Rules);

public sealed record ProfileView(string Name, string Anchor, string Description, bool IsReference);

/// <summary>One rule: its anchor on the rules page, statement, source, and the profiles that use it.</summary>
public sealed record RuleRowView(string Id, string Anchor, string Statement, string Source, string Profiles);

/// <summary>The scenarios page: one row per scenario, a verdict per profile, filterable by profile and verdict.</summary>
public sealed record ScenarioIndexView(IReadOnlyList<string> Profiles, IReadOnlyList<ScenarioRowView> Rows);

/// <summary>A scenario with its verdict on each of the page's profiles; Url leads to the scenario, ProseUrl back to the paragraph it proves.</summary>
public sealed record ScenarioRowView(
    string Name,
    string Title,
    string Url,
    string ProseUrl,
    string Page,
    string Section,
    IReadOnlyList<ScenarioCellView> Cells);

/// <summary>A scenario on one profile: its verdict ("holds" or "fails", "" where it does not run there) and how many of its checks hold.</summary>
public sealed record ScenarioCellView(string Profile, string Verdict, int Holding, int Checks);

/// <summary>
/// One level of the sidebar's tree (a template renders it, and each open entry's children,
/// through partials/nav.html); WithAnchors gives each entry its id, on the contents page only.
/// </summary>
public sealed record NavListView(IReadOnlyList<NavEntryView> Entries, bool WithAnchors = false)
{
    public static readonly NavListView Empty = new([]);
}

/// <summary>
/// An entry of the sidebar: Kind "page", "folder" (a folder without an index page; Url leads
/// to its first page) or "more" (entries a long level leaves out). Failing: the page holds a
/// failing scenario; FailingBelow: how many pages under it do. Open entries carry their children.
/// </summary>
public sealed record NavEntryView(
    string Title,
    string Url,
    string Anchor,
    string Kind,
    bool Current,
    bool Failing,
    int FailingBelow,
    int Pages,
    bool Open,
    NavListView Children);

/// <summary>
/// A gap line's claim on one profile: Holds says whether it holds there, AsStated whether that is
/// the side the gap line puts the profile on; Url leads to the run's trace ("" where it did not run).
/// </summary>
public sealed record GapCellView(string Profile, string State, bool Holds, bool AsStated, string Observed, string Url);

/// <summary>
/// A gap table: the gap lines of one scenario, of a page, or of the site, one column per
/// profile; ShowScenario adds the column that names each row's scenario.
/// </summary>
public sealed record GapTableView(string Id, string Caption, bool ShowScenario, IReadOnlyList<string> Profiles, IReadOnlyList<GapTableRowView> Rows);

/// <summary>
/// One row of a gap table: a gap line (its claim and document line), its state (holds, closed,
/// moved), the scenario that states it, and its cells in the table's profile order.
/// </summary>
public sealed record GapTableRowView(string Claim, int Line, string State, string Scenario, string ScenarioTitle, string Url, IReadOnlyList<GapCellView> Cells);
