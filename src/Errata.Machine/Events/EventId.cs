namespace Errata.Machine.Events;

/// <summary>
/// Which event: a class and, for exceptions, interrupts and exits, a number.
/// <see cref="Name"/> is how assertions write it (#DB, nmi, intr 0x20, vmexit vmmcall).
/// </summary>
public readonly record struct EventId(EventClass Class, int Number = 0)
{
    public static EventId Exception(int vector) => new(EventClass.Exception, vector);
    public static EventId Intr(int vector) => new(EventClass.Intr, vector);
    public static EventId VmExit(int code) => new(EventClass.VmExit, code);
    public static readonly EventId Nmi = new(EventClass.Nmi);
    public static readonly EventId Smi = new(EventClass.Smi);
    public static readonly EventId Init = new(EventClass.Init);
    public static readonly EventId DebugException = Exception(1);
    public static readonly EventId MachineCheck = Exception(18);

    public string Name => EventNames.Format(this);

    public override string ToString() => Name;
}
