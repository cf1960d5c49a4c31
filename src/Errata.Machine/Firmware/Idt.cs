using Errata.Machine.Core;
using Errata.Machine.Events;

namespace Errata.Machine.Firmware;

/// <summary>Writes the IDT: every vector to its default handler, unless the image overrides it.</summary>
internal static class Idt
{
    public static void Install(Cpu cpu, IReadOnlyDictionary<EventId, ulong> overrides)
    {
        for (var v = 0; v < 256; v++)
        {
            var target = MachineLayout.StubFor(v);
            var id = v switch
            {
                2 => EventId.Nmi,
                < 32 => EventId.Exception(v),
                _ => EventId.Intr(v),
            };
            if (overrides.TryGetValue(id, out var handler)) target = handler;
            WriteGate(cpu.Memory, v, target);
        }
        if (overrides.TryGetValue(EventId.Smi, out var smi)) cpu.SmiHandler = smi;
    }

    /// <summary>A present 64-bit interrupt gate, DPL 3 so INT n works from CPL 3, selector 0x08.</summary>
    private static void WriteGate(PhysicalMemory m, int vector, ulong target)
    {
        var lo = (target & 0xFFFF) | (0x08UL << 16) | (0xEEUL << 40) | ((target & 0xFFFF0000) << 32);
        var hi = target >> 32;
        var a = MachineLayout.Idt + (ulong)vector * 16;
        m.TryWrite(a, 8, lo);
        m.TryWrite(a + 8, 8, hi);
    }
}
