using System.Globalization;
using System.Text;
using Errata.Scenarios.Claims;
using Errata.Scenarios.Running;

namespace Errata.Site.Reports;

/// <summary>
/// A readable run: with --trace each instruction in Iced's formatting and each event
/// decision where it happened (the machine's trace); then every event with its
/// disposition, rule and source, and the verdicts.
/// </summary>
public static class TraceReport
{
    public static string Write(IEnumerable<ScenarioResult> results)
    {
        var sb = new StringBuilder();
        foreach (var r in results)
        {
            var labels = r.Scenario.Assembly.Labels.GroupBy(kv => kv.Value).ToDictionary(g => g.Key, g => g.First().Key);
            foreach (var run in r.Runs)
            {
                sb.Append(CultureInfo.InvariantCulture, $"scenario {r.Scenario.Syntax.Name} on {run.Profile.Name}: {run.Profile.Description}\n");
                if (run.Outcome.Provenance is { } by) sb.Append(CultureInfo.InvariantCulture, $"  run on {by}\n");
                foreach (var step in run.Outcome.Trace)
                {
                    var label = labels.TryGetValue(step.Rip, out var l) ? l + ":" : "";
                    sb.Append(CultureInfo.InvariantCulture, $"  {(step.InGuest ? "guest" : "     ")} {step.Rip:x8}  {label,-12} {step.Text}\n");
                }
                foreach (var e in run.Outcome.Events) Event(sb, e);
                sb.Append(CultureInfo.InvariantCulture, $"  end: {Words.End(run.Outcome.End)}{(run.Outcome.StopReason is { } why ? $" ({why})" : "")} after {run.Outcome.Instructions} instructions\n");
                foreach (var v in run.Verdicts)
                    sb.Append(CultureInfo.InvariantCulture, $"  {(v.Holds ? "holds" : "FAILS")}  expect: {v.Expect.Claim}{(v.Holds ? "" : $" (expected {v.Judgement.Expected}; observed {v.Judgement.Observed})")}\n");
                sb.Append('\n');
            }
        }
        return sb.ToString();
    }

    private static void Event(StringBuilder sb, Machine.Events.MachineEvent e)
    {
        var dr6 = e.AtDelivery is { } st && e.Id == Machine.Events.EventId.DebugException && st.TryGet("dr6", out var v) ? $" dr6={Hex.Format(v)}" : "";
        sb.Append(CultureInfo.InvariantCulture, $"  ** {e.Id.Name} {Words.Disposition(e.Disposition)} ({e.Cause}){dr6}\n");
        sb.Append(CultureInfo.InvariantCulture, $"     rule {e.Rule.Id}: {e.Rule.Statement} [{e.Rule.Source}]\n");
        if (e.HeldBy.Count > 1)
            sb.Append(CultureInfo.InvariantCulture, $"     held by {string.Join(", ", e.HeldBy.Select(r => r.Id))}\n");
    }
}
