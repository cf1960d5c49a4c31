using Errata.Diagnostics;

namespace Errata.Scenarios;

/// <summary>Diagnostics of the scenario language. Ids are stable; a retired id stays here as a comment.</summary>
public static class ScenarioErrors
{
    public static readonly DiagnosticDescriptor UnknownHeaderKey =
        new("ERR0401", DiagnosticCategory.Scenario, Severity.Error, "unknown header key '{0}'; expected one of: title, profiles, inject, budget, vmcb");
    public static readonly DiagnosticDescriptor MissingCode =
        new("ERR0402", DiagnosticCategory.Scenario, Severity.Error, "scenario '{0}' has no code: section; expected a line 'code:' followed by instructions");
    public static readonly DiagnosticDescriptor UnknownProfile =
        new("ERR0403", DiagnosticCategory.Scenario, Severity.Error, "unknown profile '{0}'; expected one of: {1}");
    public static readonly DiagnosticDescriptor BadBudget =
        new("ERR0404", DiagnosticCategory.Scenario, Severity.Error, "budget '{0}' is not a positive whole number");
    public static readonly DiagnosticDescriptor BadInject =
        new("ERR0405", DiagnosticCategory.Scenario, Severity.Error, "cannot read inject '{0}'; expected 'EVENT at LABEL' with EVENT one of nmi, smi, init, intr N, mc");
    public static readonly DiagnosticDescriptor UnknownEvent =
        new("ERR0406", DiagnosticCategory.Scenario, Severity.Error, "unknown event '{0}'; expected one of: {1}");
    // ERR0407 retired: an undefined label is AssemblerErrors.UndefinedLabel (ERR0304) in code, inject and expect lines alike.
    public static readonly DiagnosticDescriptor BadAssertion =
        new("ERR0408", DiagnosticCategory.Scenario, Severity.Error, "cannot read assertion '{0}'; {1}");
    public static readonly DiagnosticDescriptor LineBeforeSection =
        new("ERR0409", DiagnosticCategory.Scenario, Severity.Error, "'{0}' is neither a header line (key: value) nor a section; expected 'code:', 'data:', 'guest:' or 'handler VECTOR:'");
    public static readonly DiagnosticDescriptor DuplicateSection =
        new("ERR0410", DiagnosticCategory.Scenario, Severity.Error, "section '{0}' appears twice");
    public static readonly DiagnosticDescriptor DuplicateHeader =
        new("ERR0411", DiagnosticCategory.Scenario, Severity.Error, "header key '{0}' appears twice");
    public static readonly DiagnosticDescriptor BadHandler =
        new("ERR0412", DiagnosticCategory.Scenario, Severity.Error, "unknown handler vector '{0}'; expected an exception such as #DB, or nmi, smi, intr N");
    public static readonly DiagnosticDescriptor ExpectProfileNotRun =
        new("ERR0413", DiagnosticCategory.Scenario, Severity.Error, "expect line names profile '{0}', which this scenario does not run (profiles: {1})");
    public static readonly DiagnosticDescriptor DuplicateScenario =
        new("ERR0414", DiagnosticCategory.Scenario, Severity.Error, "scenario name '{0}' is already used at {1}");
    public static readonly DiagnosticDescriptor NoExpect =
        new("ERR0415", DiagnosticCategory.Scenario, Severity.Warning, "scenario '{0}' has no expect line, so it proves nothing");

    public static readonly DiagnosticDescriptor BadVmcbSetting =
        new("ERR0416", DiagnosticCategory.Scenario, Severity.Error, "cannot read VMCB setting '{0}'; expected KEY=VALUE");
    public static readonly DiagnosticDescriptor UnknownVmcbKey =
        new("ERR0417", DiagnosticCategory.Scenario, Severity.Error, "unknown VMCB key '{0}'; expected one of: {1}");
    public static readonly DiagnosticDescriptor BadVmcbValue =
        new("ERR0418", DiagnosticCategory.Scenario, Severity.Error, "VMCB value '{0}' is not a number");
    public static readonly DiagnosticDescriptor VmcbWithoutGuest =
        new("ERR0419", DiagnosticCategory.Scenario, Severity.Error, "VMCB keys need a guest: section to set up");
    public static readonly DiagnosticDescriptor BudgetTooLarge =
        new("ERR0420", DiagnosticCategory.Scenario, Severity.Error, "budget '{0}' is above the maximum of {1} instructions; expected a smaller budget");

    public static readonly DiagnosticDescriptor DeliberateWithoutReason =
        new("ERR1101", DiagnosticCategory.Scenario, Severity.Error, "'deliberate:' needs a reason; expected '; deliberate: WHY THE CLAIM HOLDS WHATEVER THE RULES DECIDE'");

    public static readonly DiagnosticDescriptor ClaimFailed =
        new("ERR0601", DiagnosticCategory.Claim, Severity.Error, "claim '{0}' fails on {1}: expected {2}; observed {3}{4}");
}
