using Errata.Diagnostics;
using Errata.Scenarios.Claims;

namespace Errata.Scenarios.Syntax;

/// <summary>
/// One expect line: the assertion, the profiles it is for (empty: every profile the
/// scenario runs on), and where it was written.
/// </summary>
public sealed record ExpectLine(string Text, Assertion Assertion, IReadOnlyList<Located<string>> Profiles, SourceSpan Span);
