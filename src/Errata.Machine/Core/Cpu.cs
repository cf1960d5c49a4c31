using Errata.Machine.Debug;
using Errata.Machine.Events;
using Errata.Machine.Execution;
using Errata.Machine.Firmware;
using Errata.Machine.Platforms;
using Errata.Machine.Rules;
using Errata.Machine.Svm;
using Iced.Intel;

namespace Errata.Machine.Core;

/// <summary>
/// The physical processor's architectural state: registers, control and debug registers,
/// GIF, CPL, shadows and the events-pending word. Behaviour lives in partial files by concern.
/// </summary>
internal sealed partial class Cpu
{
    public const ulong EferSvme = 1UL << 12;
    public const ulong DefaultEfer = 0x100 | 0x400 | EferSvme; // LME, LMA, SVME
    public const ulong DefaultCr0 = 0x80000031; // PG, NE, ET, PE
    public const ulong DefaultCr4 = 0x20; // PAE
    public const ulong Cr4De = 1UL << 3;

    public readonly ulong[] Gpr = new ulong[16];
    public ulong Rip;
    public ulong Cr0 = DefaultCr0, Cr2, Cr3 = MachineLayout.PageTableRoot, Cr4 = DefaultCr4, Cr8;
    public ulong Efer = DefaultEfer;
    /// <summary>Segment selectors ES, CS, SS, DS, FS, GS; long mode ignores their bases and limits.</summary>
    public readonly ushort[] Segment = [0x10, 0x08, 0x10, 0x10, 0x10, 0x10];
    public int Cpl;

    /// <summary>CPUID Fn8000_0001_ECX[SKINIT]: STGI is allowed with EFER.SVME=0 (APM 15.4).</summary>
    public bool Skinit;

    /// <summary>The physical global interrupt flag (APM 15.17).</summary>
    public bool Gif = true;

    /// <summary>The events-pending word; changed only through <see cref="RaisePending"/> and <see cref="ClearPending"/>.</summary>
    public PendingEvents Pending { get; private set; }

    /// <summary>Something waits for the next instruction boundary: the step loop stops there and asks the arbiter.</summary>
    public void RaisePending(PendingEvents e) => Pending |= e;

    /// <summary>What the arbiter (or whoever raised it) has resolved.</summary>
    public void ClearPending(PendingEvents e) => Pending &= ~e;

    public void SetPending(PendingEvents e, bool on) => Pending = on ? Pending | e : Pending & ~e;
    public readonly DebugUnit Debug;
    public readonly PhysicalMemory Memory = new();
    public readonly DecodedCache Cache;
    public readonly HeldEvents Held = new();
    public readonly SvmUnit Svm;
    public readonly EventLog Log = new();
    public readonly RuleSet Rules;
    public Platform Platform = null!;

    /// <summary>Instructions retired (default handlers count as one).</summary>
    public long Instructions;

    /// <summary>RIP of the instruction that completed last: the RIP a trap reports.</summary>
    public ulong LastRip;

    /// <summary>Which shadow the last instruction opened, and after which instruction count it applies.</summary>
    public ShadowKind Shadow;
    public long ShadowAfter = -1;

    /// <summary>Where the instruction-breakpoint check last looked (instruction count and RIP).</summary>
    public long BreakpointCheckedAt = -1;
    public ulong BreakpointCheckedRip;

    public bool NmiBlocked;
    public bool InSmm;

    /// <summary>A fault the current instruction raised, delivered by the step loop.</summary>
    public PendingFault Fault;

    /// <summary>Set when the run must end now; <see cref="EndReason"/> says why when it stopped.</summary>
    public RunEnd? Ended;
    public string? EndReason;
    public ulong? EndRip;

    public Cpu(RuleSet rules)
    {
        Rules = rules;
        Debug = new DebugUnit
        {
            AlignsRanges = rules.Decide(Decision.BreakpointRangeAligned).Delivers,
            ReportsEveryDataMatch = rules.Decide(Decision.DataBreakpointReportsEveryMatch).Delivers,
            ChecksUnalignedInPieces = rules.Decide(Decision.UnalignedAccessInPieces).Delivers,
            KeepsWatchpointHits = rules.Decide(Decision.WatchpointHitsPersist).Delivers,
        };
        _rfKeptThroughException = rules.Decide(Decision.RfKeptThroughException).Delivers;
        Cache = new DecodedCache(Memory);
        Svm = new SvmUnit(this);
    }

    public bool InShadow(ShadowKind kind) => Shadow == kind && ShadowAfter == Instructions;

    public void OpenShadow(ShadowKind kind)
    {
        // Back-to-back shadows do not extend each other (APM 8.5).
        if (ShadowAfter == Instructions) return;
        Shadow = kind;
        ShadowAfter = Instructions + 1;
    }

    public void End(RunEnd end, string? reason = null, ulong? rip = null)
    {
        Ended ??= end;
        EndReason ??= reason;
        EndRip ??= rip;
    }

    public ulong ReadGpr(Register r)
    {
        var v = Gpr[RegisterTable.Index[(int)r]] >> RegisterTable.Shift[(int)r];
        return RegisterTable.Size[(int)r] switch
        {
            1 => v & 0xFF,
            2 => v & 0xFFFF,
            4 => v & 0xFFFF_FFFF,
            _ => v,
        };
    }

    public void WriteGpr(Register r, ulong value)
    {
        ref var slot = ref Gpr[RegisterTable.Index[(int)r]];
        switch (RegisterTable.Size[(int)r])
        {
            case 1:
                var shift = RegisterTable.Shift[(int)r];
                slot = (slot & ~(0xFFUL << shift)) | ((value & 0xFF) << shift);
                break;
            case 2: slot = (slot & ~0xFFFFUL) | (value & 0xFFFF); break;
            case 4: slot = value & 0xFFFF_FFFF; break; // 32-bit writes zero-extend
            default: slot = value; break;
        }
    }

    public ref ulong Rsp => ref Gpr[4];
    public ref ulong Rax => ref Gpr[0];

    public bool Flag(ulong mask) => (Rflags & mask) != 0;

    /// <summary>Raises an event record for the code the scenario sees (its level: host, L1 or guest).</summary>
    public int Raise(EventId id, string cause, ulong rip, Rule rule)
    {
        var record = Log.Raise(id, cause, rip, Instructions, Platform.ScenarioInGuest, rule);
        Log[record].AtRaise = Snapshot(StateFields.AtEvent);
        return record;
    }

    /// <summary>Records a fault raised by the current instruction; the step loop delivers it.</summary>
    public ExecResult RaiseFault(int vector, string cause, Rule rule, uint? errorCode = null)
    {
        Fault = new PendingFault(vector, errorCode, cause, rule);
        return ExecResult.Fault;
    }
}

/// <summary>The shadow an instruction leaves on the next boundary.</summary>
internal enum ShadowKind : byte
{
    None,
    Sti,
    MovSs,
}

/// <summary>A fault raised by the executing instruction, waiting for delivery.</summary>
internal readonly record struct PendingFault(int Vector, uint? ErrorCode, string Cause, Rule Rule);
