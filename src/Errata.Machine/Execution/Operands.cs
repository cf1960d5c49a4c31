using Errata.Machine.Core;
using Iced.Intel;

namespace Errata.Machine.Execution;

/// <summary>Where an operand lives: a general register or memory, with its width in bytes.</summary>
internal readonly struct Location
{
    public readonly ulong Address;
    public readonly Register Register;
    public readonly int Size;

    public Location(Register register)
    {
        Register = register;
        Size = RegisterTable.Size[(int)register];
    }

    public Location(ulong address, int size)
    {
        Address = address;
        Size = size;
    }

    public bool IsMemory => Register == Register.None;
}

/// <summary>Operand access for generic handlers: registers, memory (flat, FS/GS bases 0) and immediates.</summary>
internal static class Operands
{
    public static ulong EffectiveAddress(Cpu c, ref Instruction i)
    {
        if (i.IsIPRelativeMemoryOperand) return i.IPRelativeMemoryAddress;
        var a = i.MemoryDisplacement64;
        var b = i.MemoryBase;
        if (b != Register.None) a += c.ReadGpr(b);
        var x = i.MemoryIndex;
        if (x != Register.None) a += c.ReadGpr(x) * (ulong)i.MemoryIndexScale;
        return a;
    }

    public static Location Resolve(Cpu c, ref Instruction i, int operand) =>
        i.GetOpKind(operand) == OpKind.Register
            ? new Location(i.GetOpRegister(operand))
            : new Location(EffectiveAddress(c, ref i), i.MemorySize.GetSize());

    public static bool Read(Cpu c, in Location l, out ulong value)
    {
        if (!l.IsMemory)
        {
            value = c.ReadGpr(l.Register);
            return true;
        }
        return c.TryRead(l.Address, l.Size, out value);
    }

    public static bool Write(Cpu c, in Location l, ulong value)
    {
        if (!l.IsMemory)
        {
            c.WriteGpr(l.Register, value);
            return true;
        }
        return c.TryWrite(l.Address, l.Size, value);
    }

    /// <summary>A source operand truncated to <paramref name="size"/> bytes (immediates arrive sign-extended).</summary>
    public static bool ReadSource(Cpu c, ref Instruction i, int operand, int size, out ulong value)
    {
        switch (i.GetOpKind(operand))
        {
            case OpKind.Register:
                value = c.ReadGpr(i.GetOpRegister(operand));
                return true;
            case OpKind.Memory:
                return c.TryRead(EffectiveAddress(c, ref i), size, out value);
            default:
                value = i.GetImmediate(operand) & Alu.Mask(size);
                return true;
        }
    }
}
