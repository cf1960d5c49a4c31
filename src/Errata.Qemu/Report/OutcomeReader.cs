using Errata.Machine;
using Errata.Machine.Backends;
using Errata.Machine.Events;
using Errata.Qemu.Image;
using Errata.Qemu.Running;

namespace Errata.Qemu.Report;

/// <summary>
/// Turns what QEMU printed into the same outcome model the built-in machine produces: each
/// injection raises an event, each delivery the firmware reported delivers the oldest raised one of
/// its kind or is an event of its own, and the final record is the state at the scenario's `hlt`.
/// </summary>
internal static class OutcomeReader
{
    public static Outcome Read(QemuExit exit, MachineImage image, BootImage boot, string profile, RunProvenance provenance)
    {
        var records = ReportRecord.Read(exit.Console).ToList();
        var memory = new ReportedMemory();
        foreach (var r in records.Where(r => r.Tag == ReportProtocol.Memory)) memory.Add(r);
        memory.Restore(boot.Sites);
        var events = new EventReader(image, memory.TryReadQword);
        StateRecord? final = null, unhandled = null, beforeInit = null;
        bool? gif = null;
        bool ended = false, reset = false;
        foreach (var record in records)
        {
            switch (record.Tag)
            {
                case ReportProtocol.Injected when record.Words.Length == 2:
                    events.Raise(ReportProtocol.FromCode(record.Words[0]), record.Words[1]);
                    break;
                case ReportProtocol.Delivery when StateRecord.TryRead(record) is { } delivery:
                    events.Deliver(delivery);
                    break;
                case ReportProtocol.VmExit when StateRecord.TryRead(record, 2) is { } host:
                    events.VmExit((int)record.Words[0], record.Words[1], host);
                    break;
                case ReportProtocol.Final:
                    final = StateRecord.TryRead(record);
                    break;
                case ReportProtocol.BeforeInit:
                    beforeInit = StateRecord.TryRead(record);
                    break;
                case ReportProtocol.Reset:
                    reset = true;
                    break;
                case ReportProtocol.Unhandled:
                    unhandled = StateRecord.TryRead(record);
                    break;
                case ReportProtocol.Gif when record.Words.Length == 1:
                    gif = record.Words[0] != 0;
                    break;
                case ReportProtocol.End:
                    ended = true;
                    break;
            }
        }
        if (ended && reset && exit.Status == QemuLayout.ExitStatus && beforeInit is not null)
        {
            // The state an INIT reset is gone; the image reported it just before sending the INIT.
            events.Reset(beforeInit);
            return new Outcome(profile, RunEnd.Reset, 0, events.ToEvents(), beforeInit.State(memory.TryReadQword), []) { Provenance = provenance };
        }
        if (ended && exit.Status == QemuLayout.ExitStatus && (final ?? unhandled) is { } last)
        {
            var end = final is not null ? RunEnd.Halted : RunEnd.Stopped;
            var outcome = new Outcome(profile, end, 0, events.ToEvents(), last.State(memory.TryReadQword, gif), []) { Provenance = provenance };
            return unhandled is { } u
                ? outcome with { StopReason = $"unhandled {EventNames.Format(EventId.Exception(u.Vector))} at 0x{u.Frame.Rip:x}", StopRip = u.Frame.Rip }
                : outcome;
        }
        // QEMU quits with status 0 when the guest shuts down (-no-reboot): a triple fault.
        if (exit.Status == 0 && !ended)
            return new Outcome(profile, RunEnd.Shutdown, 0, events.ToEvents(), StateFields.FromWords(new Dictionary<string, ulong>(), memory.TryReadQword), [])
            {
                Provenance = provenance,
            };
        var errors = exit.Errors.Trim();
        throw new BackendFailure($"QEMU exited with status {exit.Status} before the image reported its end" +
                                 (errors.Length > 0 ? $": {errors.Split('\n')[0]}" : ""));
    }
}
