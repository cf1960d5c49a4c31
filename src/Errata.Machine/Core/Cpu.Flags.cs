namespace Errata.Machine.Core;

/// <summary>
/// RFLAGS with lazily computed arithmetic flags: the 64-bit ALU forms record their operands and
/// result, and the flags are worked out only when something reads RFLAGS. ZF, which branches read
/// most, comes straight from the result.
/// </summary>
internal sealed partial class Cpu
{
    private ulong _flags = FlagBits.Fixed1;
    private LazyFlags _lazy;
    private ulong _lazyA, _lazyB, _lazyResult;

    public ulong Rflags
    {
        get => _lazy == LazyFlags.None ? _flags : Materialize();
        set
        {
            _flags = value;
            _lazy = LazyFlags.None;
        }
    }

    public bool ZeroFlag => _lazy == LazyFlags.None ? (_flags & FlagBits.ZF) != 0 : _lazyResult == 0;

    /// <summary>Records a 64-bit ALU result whose flags are computed on demand; for INC/DEC <paramref name="b"/> is the CF to keep.</summary>
    public void SetLazyFlags(LazyFlags op, ulong a, ulong b, ulong result)
    {
        if (op is LazyFlags.Inc or LazyFlags.Dec) b = Carry();
        _lazy = op;
        _lazyA = a;
        _lazyB = b;
        _lazyResult = result;
    }

    /// <summary>CF alone, as <see cref="Materialize"/> would work it out: what INC and DEC keep, in a loop's every iteration.</summary>
    private ulong Carry() => _lazy switch
    {
        LazyFlags.None => _flags & FlagBits.CF,
        LazyFlags.Add => _lazyResult < _lazyA ? FlagBits.CF : 0,
        LazyFlags.Sub => _lazyA < _lazyB ? FlagBits.CF : 0,
        LazyFlags.Inc or LazyFlags.Dec => _lazyB,
        _ => 0,
    };

    private ulong Materialize()
    {
        ulong a = _lazyA, b = _lazyB, r = _lazyResult;
        var f = (r == 0 ? FlagBits.ZF : 0) | ((r >> 56) & FlagBits.SF) | Execution.Alu.Parity(r);
        switch (_lazy)
        {
            case LazyFlags.Add:
                if (r < a) f |= FlagBits.CF;
                if ((long)((a ^ r) & (b ^ r)) < 0) f |= FlagBits.OF;
                f |= (a ^ b ^ r) & FlagBits.AF;
                break;
            case LazyFlags.Sub:
                if (a < b) f |= FlagBits.CF;
                if ((long)((a ^ b) & (a ^ r)) < 0) f |= FlagBits.OF;
                f |= (a ^ b ^ r) & FlagBits.AF;
                break;
            case LazyFlags.Inc:
                f |= b | ((a ^ r) & FlagBits.AF) | (r == 0x8000_0000_0000_0000 ? FlagBits.OF : 0);
                break;
            case LazyFlags.Dec:
                f |= b | ((a ^ r) & FlagBits.AF) | (r == 0x7FFF_FFFF_FFFF_FFFF ? FlagBits.OF : 0);
                break;
        }
        _flags = (_flags & ~FlagBits.Arithmetic) | f;
        _lazy = LazyFlags.None;
        return _flags;
    }
}

/// <summary>Which operation the pending lazy flags come from.</summary>
internal enum LazyFlags : byte
{
    None,
    Add,
    Sub,
    Logic,
    Inc,
    Dec,
}
