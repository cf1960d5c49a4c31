using Errata.Machine.Core;
using Iced.Intel;
using IcedDecoder = Iced.Intel.Decoder;

namespace Errata.Machine.Execution;

/// <summary>
/// Decoded instructions by address, one lazily allocated page per 512 bytes of code. A write
/// to memory clears the entries whose bytes it may overlap, so self-modifying code re-decodes.
/// </summary>
internal sealed class DecodedCache
{
    public const byte Ready = 1;
    public const byte InjectionHere = 2;
    /// <summary>Small pages: a scenario touches a few hundred bytes of code, and every run allocates its pages anew.</summary>
    public const int PageSize = 512;
    private const int MaxLength = 15;

    public sealed class Page
    {
        public readonly DecodedSlot[] Slots = new DecodedSlot[PageSize];
        public readonly byte[] State = new byte[PageSize];
    }

    private readonly PhysicalMemory _memory;
    private readonly Page?[] _pages = new Page?[PhysicalMemory.Size / PageSize];
    private readonly MemoryCodeReader _reader;
    private readonly IcedDecoder _decoder;
    private DecodedSlot _miss;

    public DecodedCache(PhysicalMemory memory)
    {
        _memory = memory;
        _reader = new MemoryCodeReader(memory);
        _decoder = IcedDecoder.Create(64, _reader, DecoderOptions.None);
    }

    /// <summary>The page holding <paramref name="rip"/> and its first address, for the step loop to keep while it runs there.</summary>
    public Page? PageAt(ulong rip, out ulong pageBase)
    {
        var off = rip - PhysicalMemory.Base;
        pageBase = (rip & ~(ulong)(PageSize - 1));
        return off < PhysicalMemory.Size ? _pages[off / PageSize] : null;
    }

    /// <summary>The cache slot for <paramref name="rip"/> and its state (0 when nothing is cached).</summary>
    public ref DecodedSlot Lookup(ulong rip, out byte state)
    {
        var off = rip - PhysicalMemory.Base;
        if (off < PhysicalMemory.Size && _pages[off / PageSize] is { } page)
        {
            var i = (int)(off % PageSize);
            state = page.State[i];
            return ref page.Slots[i];
        }
        state = 0;
        return ref _miss;
    }

    /// <summary>Decodes at <paramref name="rip"/> into the cache; false when the bytes run out of memory.</summary>
    public bool Decode(ulong rip, out bool invalid)
    {
        invalid = false;
        var off = rip - PhysicalMemory.Base;
        if (off >= PhysicalMemory.Size) return false;
        _reader.Position = (int)off;
        _decoder.IP = rip;
        _decoder.Decode(out var insn);
        if (_decoder.LastError == DecoderError.NoMoreBytes) return false;
        invalid = insn.IsInvalid;
        var page = PageFor(off);
        var i = (int)(off % PageSize);
        ref var slot = ref page.Slots[i];
        slot.Insn = insn;
        FastFormSelection.Select(ref slot);
        page.State[i] |= Ready;
        return true;
    }

    public void Invalidate(ulong address, int size)
    {
        var off = address - PhysicalMemory.Base;
        var first = off < MaxLength - 1 ? 0 : off - (MaxLength - 1);
        var last = Math.Min(off + (ulong)size, PhysicalMemory.Size);
        for (var a = first; a < last; a++)
        {
            var page = _pages[a / PageSize];
            if (page is null) { a |= PageSize - 1; continue; }
            page.State[a % PageSize] &= unchecked((byte)~Ready);
        }
    }

    public void MarkInjection(ulong address)
    {
        var off = address - PhysicalMemory.Base;
        if (off >= PhysicalMemory.Size) return;
        PageFor(off).State[off % PageSize] |= InjectionHere;
    }

    public void ClearInjection(ulong address)
    {
        var off = address - PhysicalMemory.Base;
        if (off < PhysicalMemory.Size && _pages[off / PageSize] is { } page)
            page.State[off % PageSize] &= unchecked((byte)~InjectionHere);
    }

    private Page PageFor(ulong off) => _pages[off / PageSize] ??= new Page();

    private sealed class MemoryCodeReader(PhysicalMemory memory) : CodeReader
    {
        public int Position;

        public override int ReadByte() => (ulong)Position < PhysicalMemory.Size ? memory.ByteAt(Position++) : -1;
    }
}
