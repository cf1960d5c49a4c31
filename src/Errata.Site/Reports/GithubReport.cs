using System.Text;
using Errata.Diagnostics;
using Errata.Site.Verification;

namespace Errata.Site.Reports;

/// <summary>
/// GitHub Actions workflow commands: each diagnostic becomes an annotation on its line,
/// with the severity the exit code gives it.
/// </summary>
public static class GithubReport
{
    public static string Write(VerificationOutcome outcome)
    {
        var sb = new StringBuilder();
        foreach (var d in outcome.Diagnostics)
        {
            var kind = outcome.SeverityOf(d) switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" };
            sb.Append("::").Append(kind)
              .Append(" file=").Append(Escape(d.Span.Path, true))
              .Append(",line=").Append(d.Span.Line + 1)
              .Append(",col=").Append(d.Span.Column + 1)
              .Append(",title=").Append(d.Id)
              .Append("::").Append(Escape(d.Message, false)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>The escaping GitHub's workflow command syntax requires.</summary>
    private static string Escape(string s, bool property)
    {
        var r = s.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);
        return property ? r.Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal) : r;
    }
}
