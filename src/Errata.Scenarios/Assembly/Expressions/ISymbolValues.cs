namespace Errata.Scenarios.Assembly.Expressions;

/// <summary>What an expression's labels and <c>$</c> stand for during one layout pass.</summary>
internal interface ISymbolValues
{
    /// <summary>A label's address; a label not placed yet gets a provisional guess.</summary>
    ulong LabelAddress(string name);
    ulong CurrentAddress { get; }
}
