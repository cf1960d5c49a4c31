using Errata.Machine.Debug;

namespace Errata.Machine.Core;

/// <summary>Snapshots of architectural state under the names assertions use.</summary>
internal sealed partial class Cpu
{
    private static readonly string[] GprNames =
        ["rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"];

    public MachineState Snapshot()
    {
        var f = new Dictionary<string, ulong>(48);
        for (var i = 0; i < 16; i++) f[GprNames[i]] = Gpr[i];
        f["rip"] = Rip;
        f["rflags"] = Rflags;
        f["rflags.if"] = Flag(FlagBits.IF) ? 1UL : 0;
        f["rflags.tf"] = Flag(FlagBits.TF) ? 1UL : 0;
        f["rflags.rf"] = Flag(FlagBits.RF) ? 1UL : 0;
        f["cr0"] = Cr0;
        f["cr2"] = Cr2;
        f["cr3"] = Cr3;
        f["cr4"] = Cr4;
        f["cr8"] = Cr8;
        f["efer"] = Platform.ScenarioEfer;
        f["cpl"] = (ulong)Cpl;
        for (var n = 0; n < 4; n++) f["dr" + n] = Debug.Address[n];
        f["dr6"] = Debug.Dr6;
        f["dr7"] = Debug.Dr7;
        for (var n = 0; n < 4; n++) f["dr6.b" + n] = (Debug.Dr6 >> n) & 1;
        f["dr6.bd"] = (Debug.Dr6 & DebugBits.Dr6BD) != 0 ? 1UL : 0;
        f["dr6.bs"] = (Debug.Dr6 & DebugBits.Dr6BS) != 0 ? 1UL : 0;
        f["dr6.bt"] = (Debug.Dr6 & DebugBits.Dr6BT) != 0 ? 1UL : 0;
        f["gif"] = Platform.ScenarioGif ? 1UL : 0;
        var memory = Memory;
        return new MachineState(f, memory.TryReadQword);
    }
}
