namespace Errata.Machine.Rules;

/// <summary>
/// A point where the machine decides an event's fate or a mechanism's effect. Each
/// profile binds every decision it reaches to one rule; code asks the rule set, never branches on the profile.
/// </summary>
internal enum Decision
{
    // Processor: GIF (APM Table 15-10).
    Gif1Normal,
    Gif0BreakpointMatch,
    Gif0DiscardedMatchDr6,
    Gif0SingleStep,
    Gif0GeneralDetect,
    Gif0Nmi,
    Gif0Intr,
    Gif0VirtualIntr,
    Gif0ExternalSmi,
    Gif0Init,
    Gif0MachineCheck,
    SvmeClearGif,

    // Processor: debug facility and ordinary delivery.
    InstructionBreakpoint,
    RfSuppressesBreakpoint,
    DataBreakpoint,
    IoBreakpoint,
    SingleStep,
    GeneralDetect,
    Icebp,
    Int3,
    IntN,
    MovSsShadow,
    StiShadow,
    IfMasksIntr,
    NmiBlockedUntilIret,
    SmmBlocksSmi,
    Fault,
    PrivilegedInstruction,
    IoPrivilege,
    SvmNeedsSvme,
    UnmappedAccess,
    DoubleFault,
    TripleFault,
    InitResets,

    // Processor: SVM.
    VmrunSetsGif,
    VmexitClearsGif,
    VmrunTrapAfterVmexit,
    InstructionIntercept,
    IoIntercept,
    ExceptionIntercept,
    InterruptIntercept,
    EventInjection,
    VirtualInterrupt,
    VgifMasksVirtualInterrupts,
    VmrunInterceptRequired,

    // KVM as L0 (platform rules).
    KvmDbIntercepted,
    KvmDbReinjectAtGif0,
    KvmInjectEvent,
    KvmNmiAtGif0,
    KvmIntrAtGif0,
    KvmSmiAtGif0,
    KvmInitAtGif0,
    KvmMcNotGifGated,
    KvmStgiInterceptForWindow,
    KvmSoftwareGif,
    KvmVgif,
    KvmSvmeClearSetsGif,
    KvmClgiWithoutSvme,
    KvmVmrunSkipSingleStep,
    KvmNestedVmexit,
    KvmNestedVmexitQueuesTfDb,
    KvmHypercall,
    KvmIoioIntercepted,
    KvmInjectedFaultSetsRf,
    KvmPioSkipsIoBreakpoints,
}
