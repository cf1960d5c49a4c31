using Errata.Diagnostics;
using Errata.Documents.Syntax;
using Errata.Scenarios.Running;

namespace Errata.Site.Building;

/// <summary>What a build or check produced: diagnostics, documents, verified scenarios, and the exit code.</summary>
public sealed record BuildResult(
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<Document> Documents,
    IReadOnlyList<ScenarioResult> Scenarios,
    ExitCode ExitCode,
    string? OutputFolder);
