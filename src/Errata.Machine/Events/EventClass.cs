namespace Errata.Machine.Events;

public enum EventClass
{
    /// <summary>An exception vector (#DB, #BP, #GP ...); <see cref="EventId.Number"/> is the vector.</summary>
    Exception,
    Nmi,
    Smi,
    Init,
    /// <summary>A maskable interrupt; <see cref="EventId.Number"/> is the vector.</summary>
    Intr,
    /// <summary>A #VMEXIT to the host; <see cref="EventId.Number"/> is the exit code.</summary>
    VmExit,
}
