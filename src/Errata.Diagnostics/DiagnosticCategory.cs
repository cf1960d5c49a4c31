namespace Errata.Diagnostics;

/// <summary>
/// Which part of the input a problem is in. With the severity it decides the exit code
/// (see <see cref="DiagnosticDescriptor.IsBadInput"/>): every category but
/// <see cref="Markup"/> and <see cref="Claim"/> makes an error bad input.
/// </summary>
public enum DiagnosticCategory
{
    /// <summary>A document as a whole: unreadable, not text, nested too deeply, outside the source folder.</summary>
    Document,

    /// <summary>
    /// An author's prose markup: reported as docutils reports it, but the page still renders,
    /// so it fails a build only when the build is strict.
    /// </summary>
    Markup,

    /// <summary>A scenario's header, sections or assertions.</summary>
    Scenario,

    /// <summary>A scenario's assembly code.</summary>
    Assembler,

    /// <summary>A claim that does not hold: not bad input but a result (exit 1).</summary>
    Claim,

    /// <summary>The site configuration and the folders it names.</summary>
    Config,

    /// <summary>The theme's templates.</summary>
    Template,

    /// <summary>A command's own arguments and surroundings: a scenario it names, a port, a report path.</summary>
    Command,
}
