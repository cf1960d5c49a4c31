using Errata.Machine;
using Errata.Machine.Events;

namespace Errata.Qemu.Tests;

/// <summary>
/// RF in the frame of a fault on QEMU 7.2 (TCG): do_interrupt64 pushes RFLAGS as they stand, so a
/// fault's frame holds RF=0, or RF=1 when an instruction breakpoint's handler resumed the instruction
/// with RF set. The qemu-tcg profile (rule qemu.fault-pushes-rf-as-it-stands) gives the same frames; the
/// processor (apm) sets RF in every fault's frame.
/// </summary>
public class QemuFrameRfTests
{
    private const ulong Rf = 0x10000;

    /// <summary>The faulting instruction at `f`, preceded by its set-up; its handler halts.</summary>
    public static TheoryData<string, string, string> Faults => new()
    {
        { "#UD", "", "ud2" },
        { "#DE", "xor ecx, ecx\n mov eax, 1", "div ecx" },
        { "#PF", "mov ebx, 0x900000", "mov rax, [rbx]" },
        { "#GP", "mov eax, 0x460008", "vmrun" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void Fault_PushesRfAsItStands_AsTheQemuTcgProfileSays(string vector, string setup, string faulting)
    {
        foreach (var resumed in new[] { false, true })
        {
            var arm = resumed ? " mov rax, f\n mov dr0, rax\n mov rax, 0x401\n mov dr7, rax\n" : "";
            var body = $"""
                code:
                {arm} {setup}
                f: {faulting}
                  hlt
                handler {vector}:
                  hlt
                expect: halted
                """;
            var compiled = Scenarios.Compile(body);
            var f = compiled.Assembly.Labels["f"];

            var qemu = FrameRf(Scenarios.Tcg.Run(compiled.Image, Scenarios.QemuTcg), vector, f);
            var model = FrameRf(X86Machine.Run(compiled.Image, Scenarios.QemuTcg), vector, f);
            var apm = FrameRf(X86Machine.Run(compiled.Image, Scenarios.Apm), vector, f);

            Assert.Equal(resumed ? Rf : 0, qemu);
            Assert.Equal(qemu, model);
            Assert.Equal(Rf, apm);
        }
    }

    private static ulong FrameRf(Outcome o, string vector, ulong rip)
    {
        var e = Assert.Single(o.Events, e => e.Id.Name == vector && e.Disposition == Disposition.Delivered);
        Assert.Equal(rip, e.Rip);
        return e.Frame!.Rflags & Rf;
    }
}
