using Errata.Diagnostics;
using Scriban;
using Scriban.Runtime;

namespace Errata.Site.Rendering;

/// <summary>
/// The theme's Scriban templates, parsed once: layout.html for pages and partials/*.html
/// rendered through the <c>partial</c> function; the theme's assets/ are copied as they are.
/// Parse errors become diagnostics.
/// </summary>
public sealed class TemplateSet
{
    private const string AssetsFolder = "assets/";

    private readonly Dictionary<string, Template> _templates;

    // Scriban's built-in functions, made once per theme and only read by every render
    // (a context of its own would clone them per page); `partial` is one function object
    // for every render, called without reflection.
    private readonly ScriptObject _builtins = TemplateContext.GetDefaultBuiltinObject();
    private readonly ScriptObject _functions = new();

    private TemplateSet(Dictionary<string, Template> templates, IReadOnlyList<ThemeFiles.Entry> assets)
    {
        _templates = templates;
        Assets = assets;
        _functions.SetValue("partial", new PartialFunction(this), readOnly: true);
    }

    /// <summary>The files under assets/, by their path there.</summary>
    public IReadOnlyList<ThemeFiles.Entry> Assets { get; }

    /// <summary>The templates of one folder alone.</summary>
    public static TemplateSet? Load(string folder, string displayFolder, DiagnosticBag diagnostics, SourceSpan? named = null) =>
        Load(ThemeFiles.FromFolder(folder, displayFolder), displayFolder, diagnostics, named);

    /// <param name="named">Where the theme was named (the config's <c>templates</c> key): a missing layout is reported there.</param>
    public static TemplateSet? Load(ThemeFiles theme, string displayFolder, DiagnosticBag diagnostics, SourceSpan? named = null)
    {
        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        var ok = true;
        foreach (var file in theme.Files.Where(f => f.Name.EndsWith(".html", StringComparison.Ordinal) && !f.Name.StartsWith(AssetsFolder, StringComparison.Ordinal)))
        {
            var name = file.Name;
            var display = file.Display;
            var template = Template.Parse(file.ReadText(), display);
            if (template.HasErrors)
            {
                ok = false;
                foreach (var m in template.Messages)
                    diagnostics.Add(SiteErrors.Syntax, new SourceSpan(display, m.Span.Start.Line, m.Span.Start.Column, 1), m.Message);
            }
            templates[name] = template;
        }
        if (!templates.ContainsKey("layout.html"))
        {
            diagnostics.Add(SiteErrors.Missing, named ?? SourceSpan.None(displayFolder), "layout.html", displayFolder);
            ok = false;
        }
        var assets = theme.Files.Where(f => f.Name.StartsWith(AssetsFolder, StringComparison.Ordinal))
            .Select(f => f with { Name = f.Name[AssetsFolder.Length..] }).ToList();
        return ok ? new TemplateSet(templates, assets) : null;
    }

    public bool Has(string name) => _templates.ContainsKey(name);

    /// <summary>Renders a template with a model whose members templates read in snake_case.</summary>
    /// <param name="stop">Set: the template's loops stop and this throws <see cref="OperationCanceledException"/>.</param>
    public string Render(string name, object model, CancellationToken stop = default)
    {
        var context = new HtmlTemplateContext(_builtins) { Stop = stop };
        var globals = new ScriptObject();
        globals.Import(model, renamer: StandardMemberRenamer.Default);
        context.PushGlobal(_functions);
        context.PushGlobal(globals);
        var template = _templates.TryGetValue(name, out var t) ? t : throw new InvalidOperationException($"no template {name}");
        var text = template.Render(context);
        stop.ThrowIfCancellationRequested();
        return text;
    }

    /// <summary>The partial to render, by its name under partials/, and the model it renders.</summary>
    internal RawHtml Partial(string name, object model) => new(Render("partials/" + name + ".html", model));
}
