using Errata.Machine.Events;
using Errata.Machine.Tests.Support;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Machine.Tests.GifTests;

/// <summary>
/// One test per row of APM Table 15-10 (the rows an executable scenario can raise) per profile:
/// the event is raised at GIF=0 between CLGI and STGI; the profile decides its fate.
/// Rows not raisable by a scenario (RESET, internal SMI, #SX, A20M, STPCLK) are not modelled.
/// </summary>
public sealed class Table1510Tests
{
    /// <summary>What a row does at <c>target</c>, between CLGI and STGI.</summary>
    private sealed record Row(Action<TestProgram, Label> Setup, Action<TestProgram, Label> Trigger, EventId Event)
    {
        /// <summary>Runs after the instruction following the trigger, before STGI.</summary>
        public Action<TestProgram>? Cleanup { get; init; }
    }

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["instruction-breakpoint"] = new(
            (p, target) => Snippets.Arm(p.Asm, dr0, target, 0x401),
            (p, _) => p.Asm.nop(),
            EventId.DebugException),
        ["data-breakpoint"] = new(
            (p, target) =>
            {
                p.Asm.lea(rbx, __[rsp - 64]);
                p.Asm.mov(dr1, rbx);
                p.Asm.mov(rax, 0x00D0040AUL);
                p.Asm.mov(dr7, rax);
            },
            (p, _) => p.Asm.mov(__dword_ptr[rbx], eax),
            EventId.DebugException),
        ["io-breakpoint"] = new(
            (p, _) => Snippets.ArmIo(p.Asm, port: 0x80),
            (p, _) => p.Asm.@out(0x80, al),
            EventId.DebugException),
        ["single-step"] = new(
            (p, _) => { },
            (p, _) => Snippets.SetTrapFlag(p.Asm),
            EventId.DebugException) { Cleanup = p => Snippets.ClearTrapFlag(p.Asm) },
        ["init"] = new((p, target) => p.Inject(EventId.Init, target), (p, _) => p.Asm.nop(), EventId.Init),
        ["nmi"] = new((p, target) => p.Inject(EventId.Nmi, target), (p, _) => p.Asm.nop(), EventId.Nmi),
        ["external-smi"] = new((p, target) => p.Inject(EventId.Smi, target), (p, _) => p.Asm.nop(), EventId.Smi),
        ["intr"] = new(
            (p, _) => p.Asm.sti(),
            (p, _) => Snippets.SendSelf(p.Asm, deliveryMode: 0, vector: 0x40),
            EventId.Intr(0x40)),
        ["machine-check"] = new(
            (p, target) => p.Inject(EventId.Exception(18), target),
            (p, _) => p.Asm.nop(),
            EventId.Exception(18)),
    };

    /// <summary>Every line of Data/table-15-10.txt: row, profile, disposition, rule, end, delivered-before label, DR6.</summary>
    public static TheoryData<string, int, string, string, string, string, string, string, string> Cases()
    {
        var data = new TheoryData<string, int, string, string, string, string, string, string, string>();
        const string file = "table-15-10.txt";
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", file));
        for (var n = 0; n < lines.Length; n++)
        {
            if (lines[n].Length == 0 || lines[n][0] == '#') continue;
            var f = lines[n].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            data.Add(file, n + 1, f[0], f[1], f[2], f[3], f[4], f[5], f[6]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Table1510Row_RaisedAtGifZero_MeetsItsFate(
        string file, int line, string row, string profile, string disposition, string ruleId, string end, string before, string dr6)
    {
        var r = Rows[row];
        var wantDisposition = Enum.Parse<Disposition>(disposition.Replace("-", ""), ignoreCase: true);
        var wantEnd = Enum.Parse<RunEnd>(end, ignoreCase: true);
        var p = new TestProgram();
        var a = p.Asm;
        Label target = p.Label(), after = p.Label(), next = p.Label(), afterHlt = p.Label(), mc = p.Label();
        a.clgi();
        r.Setup(p, target);
        p.At(ref target);
        r.Trigger(p, target);
        p.At(ref after);
        a.nop();
        a.nop();
        r.Cleanup?.Invoke(p);
        a.stgi();
        p.At(ref next);
        a.nop();
        a.hlt();
        p.At(ref afterHlt);
        a.nop();
        p.At(ref mc);
        a.iretq();
        p.Handler(EventId.Exception(18), mc);

        var o = p.Run(profile);

        var info = $"{file}:{line}: {o.Describe()}";
        var e = o.Of(r.Event).First();
        Assert.True(wantDisposition == e.Disposition, info);
        Assert.True(ruleId == e.Rule.Id, info);
        Assert.True(wantEnd == o.End, info);
        if (before != "-")
        {
            var address = before switch
            {
                "target" => p.Address(target),
                "after" => p.Address(after),
                "after+1" => p.Address(after) + 1,
                "end" => p.Address(afterHlt),
                _ => p.Address(next),
            };
            Assert.True(address == e.DeliveredBefore, $"delivered before 0x{e.DeliveredBefore:x}, expected 0x{address:x}; {info}");
            Assert.True((before is "next" or "end" ? 1UL : 0UL) == e.At("gif"), info);
        }
        if (dr6 != "-") Assert.True(Convert.ToUInt64(dr6, 16) == e.At("dr6"), info);
    }
}
