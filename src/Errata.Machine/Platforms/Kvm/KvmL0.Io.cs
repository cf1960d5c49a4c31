using Errata.Machine.Core;
using Errata.Machine.Debug;
using Errata.Machine.Events;
using Errata.Machine.Execution.Handlers;
using Errata.Machine.Rules;
using Errata.Machine.Svm;

namespace Errata.Machine.Platforms.Kvm;

/// <summary>
/// Port I/O of KVM's guests: every IN and OUT exits (the all-ones map of svm.c svm_hardware_setup)
/// and KVM completes it (io_interception, x86.c kvm_fast_pio) with no device behind the port,
/// then skips it. Nothing on that path looks at the guest's I/O breakpoints.
/// </summary>
internal sealed partial class KvmL0
{
    /// <summary>
    /// io_interception with kvm_fast_pio: IN merges all ones into RAX below 4 bytes and zero-extends
    /// at 4 (complete_fast_pio_in); OUT goes nowhere; then kvm_skip_emulated_instruction.
    /// </summary>
    private void IoInterception()
    {
        var v = Current;
        var port = IoioExitInfo.Port(v.ExitInfo1);
        var size = IoioExitInfo.Size(v.ExitInfo1);
        if (IoioExitInfo.IsIn(v.ExitInfo1))
        {
            var mask = size == 4 ? ulong.MaxValue : (1UL << (8 * size)) - 1;
            var kept = size < 4 ? v.Rax & ~mask : 0;
            v.Rax = kept | (IoHandlers.AbsentPort & mask & 0xFFFF_FFFF);
        }
        var record = UncheckedIoBreakpoint(v, port, size);
        var tf = (v.Rflags & FlagBits.TF) != 0;
        Skip();
        // Only the inverted rule gets here with a record: it queues what the processor would report.
        if (record >= 0)
            QueueException(Cpu.VectorDb, null, (uint)Cpu.Debug.IoMatches(v.Dr7, port, size) | (tf ? DebugBits.Dr6BS : 0), record);
    }

    /// <summary>
    /// An I/O breakpoint of the guest over the access, which the processor would have reported
    /// after it: KVM never checks, so it is recorded as discarded by that rule. Returns the record
    /// only when the (inverted) rule delivers it.
    /// </summary>
    private int UncheckedIoBreakpoint(Vmcb v, ushort port, int size)
    {
        if ((v.Cr4 & Cpu.Cr4De) == 0) return -1;
        var matches = Cpu.Debug.IoMatches(v.Dr7, port, size);
        if (matches == 0) return -1;
        var ruling = Cpu.Rules.Decide(Decision.KvmPioSkipsIoBreakpoints);
        var record = Cpu.Raise(EventId.DebugException, BoundaryArbiter.DescribeMatches(matches, "I/O"), v.Rip, ruling.Rule);
        if (ruling.Delivers) return record;
        Cpu.Log.Discard(record, ruling.Rule);
        return -1;
    }
}
