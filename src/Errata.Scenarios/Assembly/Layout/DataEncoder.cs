using System.Buffers.Binary;
using Errata.Diagnostics;
using Errata.Scenarios.Assembly.Expressions;
using Errata.Scenarios.Assembly.Parsing;

namespace Errata.Scenarios.Assembly.Layout;

/// <summary>
/// The bytes of a <c>db/dw/dd/dq</c> line once labels are final: little-endian units,
/// strings padded with zeros to a whole unit. A value must fit its unit, signed or unsigned.
/// </summary>
internal static class DataEncoder
{
    public static byte[] Encode(DataStatement data, LabelTable labels, List<Diagnostic> diagnostics)
    {
        var bytes = new byte[data.Size];
        int offset = 0;
        labels.CurrentAddress = data.Address;
        Span<byte> unit = stackalloc byte[8];
        foreach (var item in data.Items)
        {
            if (item.Bytes is { } text)
            {
                text.CopyTo(bytes, offset);
                offset += (text.Length + data.UnitSize - 1) / data.UnitSize * data.UnitSize;
                continue;
            }
            var value = ExpressionEvaluator.Evaluate(item.Value!, labels);
            if (!Fits(value, data.UnitSize))
                diagnostics.Add(AssemblerErrors.ValueOutOfRange.At(data.Line.At(item.Column, item.Length),
                    value, data.Line.Text.Substring(item.Column, item.Length), UnitName(data.UnitSize)));
            BinaryPrimitives.WriteUInt64LittleEndian(unit, value);
            unit[..data.UnitSize].CopyTo(bytes.AsSpan(offset));
            offset += data.UnitSize;
        }
        return bytes;
    }

    private static bool Fits(ulong value, int unit)
    {
        if (unit == 8) return true;
        long v = (long)value;
        long bits = unit * 8;
        return v >= -(1L << (int)(bits - 1)) && v < 1L << (int)bits;
    }

    private static string UnitName(int unit) => unit switch
    {
        1 => "a byte (db)",
        2 => "a word (dw)",
        _ => "a dword (dd)",
    };
}
