using Errata.Machine.Events;

namespace Errata.Qemu.Tests;

/// <summary>Scenarios run on QEMU (TCG): the outcome is read from what the image reported.</summary>
public class QemuRunTests
{
    [Fact]
    public void TrivialScenario_HaltsWithItsRegisters()
    {
        var o = Scenarios.OnQemu("""
            code:
              mov rax, 0x1234
              mov rbx, rax
              add rbx, 1
              hlt
            expect: halted
            """);
        Assert.Equal(RunEnd.Halted, o.End);
        Assert.Equal(0x1234UL, Scenarios.Field(o.Final, "rax"));
        Assert.Equal(0x1235UL, Scenarios.Field(o.Final, "rbx"));
        Assert.Equal(1UL, Scenarios.Field(o.Final, "gif"));
        Assert.Equal("qemu", o.Provenance!.Backend);
        Assert.StartsWith("7.", o.Provenance.Version);
    }
}
