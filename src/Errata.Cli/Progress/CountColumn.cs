using Spectre.Console;
using Spectre.Console.Rendering;

namespace Errata.Cli.Progress;

/// <summary>A progress column showing `done/total`, the count a build is measured in.</summary>
internal sealed class CountColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text($"{task.Value:0}/{task.MaxValue:0}");
}
