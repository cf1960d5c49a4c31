namespace Errata.Testing;

/// <summary>Scenario text more than one test project runs.</summary>
internal static class ScenarioFixtures
{
    /// <summary>
    /// The code of a DR0 execute breakpoint matched at GIF=0: discarded on apm, delivered at
    /// `target` on the KVM profiles. Indented as a scenario body; ends with a newline.
    /// </summary>
    public const string BreakpointAtGif0 = """
        code:
          mov rax, target
          mov dr0, rax
          mov rax, 0x401
          mov dr7, rax
          clgi
        target: nop
          stgi
          hlt

        """;
}
