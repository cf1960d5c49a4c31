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
    IReadOnlyList<NavItem> Nav,
    IReadOnlyList<TocItem> Toc,
    NavItem? Prev,
    NavItem? Next,
    bool ShowTitle,
    bool IsScenarioIndex,
    bool IsRules = false,
    string? Canonical = null);

public sealed record ScenarioView(
    string Name,
    string Id,
    string Title,
    int HeadingLevel,
    string Summary,
    string Source,
    IReadOnlyList<CodeLineView> Code,
    IReadOnlyList<string> Profiles,
    IReadOnlyList<ClaimRowView> Claims,
    IReadOnlyList<GapView> Gaps,
    IReadOnlyList<TraceView> Traces,
    bool Failed,
    string MachineVersion);

public sealed record CodeLineView(string Section, string Address, string Bytes, IReadOnlyList<AsmTokenView> Tokens, string Label);

/// <summary>A piece of an instruction's text; Kind is its highlighting class, empty for plain text.</summary>
public sealed record AsmTokenView(string Text, string Kind);

public sealed record ClaimRowView(string Text, int Line, bool Failed, IReadOnlyList<CellView> Cells);

/// <summary>One expect line on one profile: holds, fails or n/a (the line is for other profiles).</summary>
public sealed record CellView(string Profile, string State, string Expected, string Observed, string DivergenceId);

public sealed record GapView(string Event, string Text);

/// <summary>One profile's run: Open when a claim fails on it, so the evidence is in view. RunBy names the backend when it was not the built-in machine.</summary>
public sealed record TraceView(string Id, string Profile, string Description, string End, long Instructions, string Verified, bool Open, IReadOnlyList<EventView> Events, string RunBy = "");

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
    string RuleUrl);

/// <summary>The rules page: every rule of every built-in profile, with where it comes from.</summary>
public sealed record RulesView(IReadOnlyList<ProfileView> Profiles, IReadOnlyList<RuleRowView> Rules);

public sealed record ProfileView(string Name, string Description, bool IsReference);

/// <summary>One rule: its anchor on the rules page, statement, source, and the profiles that use it.</summary>
public sealed record RuleRowView(string Id, string Anchor, string Statement, string Source, string Profiles);

/// <summary>The scenarios page: one row per scenario and profile, filterable by both.</summary>
public sealed record ScenarioIndexView(IReadOnlyList<string> Profiles, IReadOnlyList<ScenarioRowView> Rows);

/// <summary>A scenario on one profile; Url leads to the scenario, ProseUrl back to the paragraph it proves.</summary>
public sealed record ScenarioRowView(
    string Name,
    string Title,
    string Url,
    string ProseUrl,
    string Page,
    string Section,
    string Profile,
    string Verdict,
    int Holding,
    int Checks);
