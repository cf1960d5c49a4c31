using Errata.Diagnostics;
using Errata.Documents.Syntax;

namespace Errata.Scenarios.Syntax;

/// <summary>A scenario as parsed from its block: header, sections and expect lines, each with its source.</summary>
public sealed class Scenario
{
    public required string Name { get; init; }
    public required SourceSpan Span { get; init; }
    public string? Title { get; set; }
    /// <summary>Profiles named by the header, or null to use the site's defaults.</summary>
    public List<Located<string>>? Profiles { get; set; }
    public List<InjectLine> Injects { get; } = [];
    /// <summary>VMCB set-up keys for the nested guest, in the order written.</summary>
    public List<VmcbSetting> Vmcb { get; } = [];
    public long Budget { get; set; } = DefaultBudget;
    public List<SectionSyntax> Sections { get; } = [];
    public List<ExpectLine> Expects { get; } = [];
    /// <summary>The gap lines: claims that hold on some of the scenario's profiles and not the others.</summary>
    public List<GapLine> Gaps { get; } = [];
    /// <summary>The body's lines as written, with where each stands in the document (for the listing).</summary>
    public IReadOnlyList<SourceLine> Lines { get; init; } = [];
    /// <summary>The body's text, which identifies the scenario's inputs (for the verification ledger).</summary>
    public IReadOnlyList<string> SourceText => Lines.Select(l => l.Text).ToList();
    /// <summary>The document line of the body's last line, where new expect lines go.</summary>
    public int LastLine { get; init; }

    public const long DefaultBudget = 10000;

    /// <summary>
    /// The largest budget a scenario may ask for: the machine runs this many instructions in well
    /// under a second (docs/guide/scenarios.md gives the measured rate), so a budget cannot make a
    /// build run for minutes; the wall-clock limit covers slower instructions.
    /// </summary>
    public const long MaxBudget = 10_000_000;
}

/// <summary>A value with where it was written.</summary>
public readonly record struct Located<T>(T Value, SourceSpan Span);

/// <summary>A section: code, data, guest or "handler VECTOR" (its <see cref="Name"/>), with its assembly lines.</summary>
public sealed record SectionSyntax(SectionKind Kind, string Name, SourceSpan Span, List<SourceLine> Lines)
{
    /// <summary>The vector of a handler section (`#DB`, `intr 0x20`), null for the others.</summary>
    public string? Vector => Kind == SectionKind.Handler ? SectionNames.Vector(Name) : null;
}

/// <summary>One KEY=VALUE of a `vmcb:` header line.</summary>
public sealed record VmcbSetting(string Key, string Value, SourceSpan KeySpan, SourceSpan ValueSpan);

public sealed record InjectLine(string Event, string Label, SourceLine Line, SourceSpan EventSpan, SourceSpan LabelSpan);
