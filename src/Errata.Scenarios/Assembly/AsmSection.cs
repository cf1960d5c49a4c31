using Errata.Documents.Syntax;

namespace Errata.Scenarios.Assembly;

/// <summary>
/// One section of a scenario to assemble (code, data, a handler, the guest): its lines as
/// written, each with its place in the document. Sections are laid out one after another,
/// each starting on an <see cref="Alignment"/> boundary; labels are shared across sections.
/// </summary>
public sealed record AsmSection(string Name, IReadOnlyList<SourceLine> Lines, int Alignment = 16);
