using System.Text;
using Errata.Diagnostics;
using Errata.Documents.Rendering.Html;

namespace Errata.Site.Serving;

/// <summary>
/// What the preview shows while no build has succeeded: the diagnostics, escaped, in source
/// order, instead of a 404 that hides why. It reloads like any served page once a build passes.
/// </summary>
public static class BuildErrorPage
{
    public static string Render(IEnumerable<Diagnostic> diagnostics)
    {
        var sb = new StringBuilder("""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Build failed</title></head>
            <body>
            <main>
            <h1>Build failed</h1>
            <p>The site has not been built yet. Fix these problems and save: this page reloads when a build succeeds.</p>
            <ul class="diagnostics">

            """);
        foreach (var d in DiagnosticFormatter.InSourceOrder(diagnostics))
            sb.Append("<li><code>").Append(HtmlEscaper.Escape(DiagnosticFormatter.Format(d))).Append("</code></li>\n");
        sb.Append("</ul>\n</main>\n</body>\n</html>\n");
        return sb.ToString();
    }
}
