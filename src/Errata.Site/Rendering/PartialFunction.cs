using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Errata.Site.Rendering;

/// <summary>
/// The templates' <c>partial NAME MODEL</c>: renders partials/NAME.html of the same theme with
/// MODEL. A function object of its own, so that a call costs no reflection.
/// </summary>
internal sealed class PartialFunction(TemplateSet templates) : IScriptCustomFunction
{
    public int RequiredParameterCount => 2;

    public int ParameterCount => 2;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

    public Type ReturnType => typeof(RawHtml);

    public ScriptParameterInfo GetParameterInfo(int index) =>
        index == 0 ? new ScriptParameterInfo(typeof(string), "name") : new ScriptParameterInfo(typeof(object), "model");

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        if (arguments.Count != 2 || arguments[0] is not string name || arguments[1] is not { } model)
            throw new ScriptRuntimeException(callerContext?.Span ?? default, "partial takes a partial's name and its model: partial \"NAME\" MODEL");
        return templates.Partial(name, model);
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        new(Invoke(context, callerContext, arguments, blockStatement));
}
