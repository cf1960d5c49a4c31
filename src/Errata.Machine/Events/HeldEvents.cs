namespace Errata.Machine.Events;

/// <summary>
/// External events latched at the processor until the boundary arbiter delivers or
/// discards them; each keeps the record it was raised as.
/// </summary>
internal sealed class HeldEvents
{
    public int Nmi = -1, Smi = -1, Init = -1, MachineCheck = -1;

    /// <summary>Pending INTR vectors (the IRR) and their records.</summary>
    private readonly int[] _intr = Enumerable.Repeat(-1, 256).ToArray();
    private int _intrCount;

    public bool AnyIntr => _intrCount > 0;

    public void AddIntr(int vector, int record)
    {
        if (_intr[vector] < 0) _intrCount++;
        _intr[vector] = record;
    }

    /// <summary>The highest pending vector (APIC priority), or -1.</summary>
    public int HighestIntr()
    {
        if (_intrCount == 0) return -1;
        for (var v = 255; v >= 0; v--) if (_intr[v] >= 0) return v;
        return -1;
    }

    public int IntrRecord(int vector) => _intr[vector];

    public void RemoveIntr(int vector)
    {
        if (_intr[vector] < 0) return;
        _intr[vector] = -1;
        _intrCount--;
    }
}
