using System.Numerics;
using Errata.Machine.Core;

namespace Errata.Machine.Execution;

/// <summary>Integer results and their arithmetic flags (APM Vol. 3), on values already truncated to the operand size.</summary>
internal static class Alu
{
    public static ulong Mask(int size) => size == 8 ? ulong.MaxValue : (1UL << (size * 8)) - 1;

    public static ulong Sign(int size) => 1UL << (size * 8 - 1);

    private static ulong Szp(ulong r, int size)
    {
        var f = 0UL;
        if (r == 0) f |= FlagBits.ZF;
        if ((r & Sign(size)) != 0) f |= FlagBits.SF;
        if ((BitOperations.PopCount(r & 0xFF) & 1) == 0) f |= FlagBits.PF;
        return f;
    }

    private static void SetFlags(Cpu c, ulong flags, ulong affected = FlagBits.Arithmetic) =>
        c.Rflags = (c.Rflags & ~affected) | flags;

    /// <summary>ADD at 64 bits for the fast forms; the flags are computed when read.</summary>
    public static ulong Add64(Cpu c, ulong a, ulong b)
    {
        var r = a + b;
        c.SetLazyFlags(LazyFlags.Add, a, b, r);
        return r;
    }

    public static ulong Sub64(Cpu c, ulong a, ulong b)
    {
        var r = a - b;
        c.SetLazyFlags(LazyFlags.Sub, a, b, r);
        return r;
    }

    /// <summary>INC (delta 1) or DEC (delta -1) at 64 bits: the flags of ADD/SUB with CF kept.</summary>
    public static ulong IncDec64(Cpu c, ulong a, ulong delta)
    {
        var r = a + delta;
        c.SetLazyFlags(delta == 1 ? LazyFlags.Inc : LazyFlags.Dec, a, 0, r);
        return r;
    }

    public static ulong Logic64(Cpu c, ulong r)
    {
        c.SetLazyFlags(LazyFlags.Logic, 0, 0, r);
        return r;
    }

    public static ulong Parity(ulong r) => ParityTable[(byte)r];

    /// <summary>PF for each value of the low byte.</summary>
    private static readonly ulong[] ParityTable =
        Enumerable.Range(0, 256).Select(b => (BitOperations.PopCount((uint)b) & 1) == 0 ? FlagBits.PF : 0UL).ToArray();

    public static ulong Add(Cpu c, ulong a, ulong b, int size, bool carryIn = false)
    {
        var m = Mask(size);
        var r = (a + b + (carryIn ? 1UL : 0)) & m;
        var f = Szp(r, size);
        if (carryIn ? r <= a : r < a) f |= FlagBits.CF;
        if (((a ^ r) & (b ^ r) & Sign(size)) != 0) f |= FlagBits.OF;
        if (((a ^ b ^ r) & 0x10) != 0) f |= FlagBits.AF;
        SetFlags(c, f);
        return r;
    }

    public static ulong Sub(Cpu c, ulong a, ulong b, int size, bool borrowIn = false)
    {
        var m = Mask(size);
        var r = (a - b - (borrowIn ? 1UL : 0)) & m;
        var f = Szp(r, size);
        if (borrowIn ? a <= b : a < b) f |= FlagBits.CF;
        if (((a ^ b) & (a ^ r) & Sign(size)) != 0) f |= FlagBits.OF;
        if (((a ^ b ^ r) & 0x10) != 0) f |= FlagBits.AF;
        SetFlags(c, f);
        return r;
    }

    /// <summary>INC and DEC leave CF alone.</summary>
    public static ulong IncDec(Cpu c, ulong a, int size, bool increment)
    {
        var cf = c.Rflags & FlagBits.CF;
        var r = increment ? Add(c, a, 1, size) : Sub(c, a, 1, size);
        c.Rflags = (c.Rflags & ~FlagBits.CF) | cf;
        return r;
    }

    public static ulong Logic(Cpu c, ulong r, int size)
    {
        SetFlags(c, Szp(r & Mask(size), size));
        return r & Mask(size);
    }

    public static ulong Shift(Cpu c, ShiftKind kind, ulong a, int count, int size)
    {
        var bits = size * 8;
        count &= size == 8 ? 0x3F : 0x1F;
        if (count == 0) return a;
        var m = Mask(size);
        ulong r;
        bool cf;
        switch (kind)
        {
            case ShiftKind.Shl:
                r = count >= 64 ? 0 : (a << count) & m;
                cf = count <= bits && ((a >> (bits - count)) & 1) != 0;
                break;
            case ShiftKind.Shr:
                r = count >= 64 ? 0 : a >> count;
                cf = ((a >> (count - 1)) & 1) != 0;
                break;
            case ShiftKind.Sar:
                var signed = (long)(a << (64 - bits)) >> (64 - bits);
                r = (ulong)(signed >> Math.Min(count, 63)) & m;
                cf = ((ulong)(signed >> Math.Min(count - 1, 63)) & 1) != 0;
                break;
            case ShiftKind.Rol:
                count %= bits;
                r = count == 0 ? a : ((a << count) | (a >> (bits - count))) & m;
                cf = (r & 1) != 0;
                break;
            default:
                count %= bits;
                r = count == 0 ? a : ((a >> count) | (a << (bits - count))) & m;
                cf = (r & Sign(size)) != 0;
                break;
        }
        var msb = (r & Sign(size)) != 0;
        var of = kind switch
        {
            ShiftKind.Shl or ShiftKind.Rol => msb ^ cf,
            ShiftKind.Shr => (a & Sign(size)) != 0,
            ShiftKind.Ror => msb ^ ((r & (Sign(size) >> 1)) != 0),
            _ => false,
        };
        var f = (cf ? FlagBits.CF : 0) | (of ? FlagBits.OF : 0);
        if (kind is ShiftKind.Rol or ShiftKind.Ror)
            SetFlags(c, f, FlagBits.CF | FlagBits.OF);
        else
            SetFlags(c, f | Szp(r, size));
        return r;
    }

    public static bool Condition(ulong flags, Iced.Intel.ConditionCode cc)
    {
        bool cf = (flags & FlagBits.CF) != 0, zf = (flags & FlagBits.ZF) != 0, sf = (flags & FlagBits.SF) != 0;
        bool of = (flags & FlagBits.OF) != 0, pf = (flags & FlagBits.PF) != 0;
        return cc switch
        {
            Iced.Intel.ConditionCode.o => of,
            Iced.Intel.ConditionCode.no => !of,
            Iced.Intel.ConditionCode.b => cf,
            Iced.Intel.ConditionCode.ae => !cf,
            Iced.Intel.ConditionCode.e => zf,
            Iced.Intel.ConditionCode.ne => !zf,
            Iced.Intel.ConditionCode.be => cf || zf,
            Iced.Intel.ConditionCode.a => !cf && !zf,
            Iced.Intel.ConditionCode.s => sf,
            Iced.Intel.ConditionCode.ns => !sf,
            Iced.Intel.ConditionCode.p => pf,
            Iced.Intel.ConditionCode.np => !pf,
            Iced.Intel.ConditionCode.l => sf != of,
            Iced.Intel.ConditionCode.ge => sf == of,
            Iced.Intel.ConditionCode.le => zf || sf != of,
            Iced.Intel.ConditionCode.g => !zf && sf == of,
            _ => false,
        };
    }

    /// <summary>Sets CF=OF for MUL/IMUL (the upper half is significant); SF/ZF/PF from the low half.</summary>
    public static void MultiplyFlags(Cpu c, ulong low, int size, bool overflow)
    {
        var f = Szp(low & Mask(size), size) | (overflow ? FlagBits.CF | FlagBits.OF : 0);
        SetFlags(c, f);
    }
}

internal enum ShiftKind
{
    Shl,
    Shr,
    Sar,
    Rol,
    Ror,
}
