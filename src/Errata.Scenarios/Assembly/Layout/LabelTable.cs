using Errata.Scenarios.Assembly.Expressions;

namespace Errata.Scenarios.Assembly.Layout;

/// <summary>
/// Label addresses as the layout passes find them. A label not placed yet (a forward
/// reference in the first pass, or an undefined one) reads as the current address: a
/// guess that makes a forward jump start short and an address fit 32 bits.
/// </summary>
internal sealed class LabelTable : ISymbolValues
{
    private readonly Dictionary<string, ulong> _addresses = new(StringComparer.Ordinal);

    public ulong CurrentAddress { get; set; }
    public IReadOnlyDictionary<string, ulong> Addresses => _addresses;

    public ulong LabelAddress(string name) => _addresses.TryGetValue(name, out var a) ? a : CurrentAddress;

    /// <summary>Places a label; true when it moved since the previous pass.</summary>
    public bool Place(string name, ulong address)
    {
        if (_addresses.TryGetValue(name, out var old) && old == address) return false;
        _addresses[name] = address;
        return true;
    }
}
