using Errata.Diagnostics;
using Iced.Intel;

namespace Errata.Scenarios.Assembly.Encoding;

/// <summary>The encoding chosen for an instruction in one layout pass, or why none fits.</summary>
internal readonly record struct Selection(Instruction Instruction, int Length, Diagnostic? Error)
{
    public static Selection Failed(Diagnostic error) => new(default, 0, error);
}
