using Errata.Machine.Events;

namespace Errata.Scenarios.Claims;

/// <summary>The state fields an assertion may name (docs/guide/scenarios.md, "Expect lines"), besides [label] for memory.</summary>
public static class FieldNames
{
    private static readonly HashSet<string> Known = Build();

    /// <summary>The fields of a delivery's pushed frame, as assertions write them.</summary>
    public static IEnumerable<string> FrameFields => InterruptFrame.Fields.Select(f => FieldCheck.FramePrefix + f);

    public static bool IsKnown(string name) => Known.Contains(name.ToLowerInvariant());

    /// <summary>Whether the name is written as a frame field (`frame.` and anything).</summary>
    public static bool IsFrame(string name) => name.StartsWith(FieldCheck.FramePrefix, StringComparison.OrdinalIgnoreCase);

    private static HashSet<string> Build()
    {
        var names = new HashSet<string>(StringComparer.Ordinal)
        {
            "rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp", "rip", "rflags",
            "rflags.if", "rflags.tf", "rflags.rf",
            "cr0", "cr2", "cr3", "cr4", "cr8", "efer", "gif",
            "dr6.b0", "dr6.b1", "dr6.b2", "dr6.b3", "dr6.bd", "dr6.bs", "dr6.bt",
        };
        for (var i = 8; i <= 15; i++) names.Add("r" + i);
        for (var i = 0; i <= 7; i++) names.Add("dr" + i);
        names.UnionWith(FrameFields);
        return names;
    }
}
