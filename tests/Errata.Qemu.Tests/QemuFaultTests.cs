using System.Diagnostics;
using Errata.Machine;
using Errata.Machine.Backends;
using Errata.Machine.Events;
using Errata.Qemu.Running;

namespace Errata.Qemu.Tests;

/// <summary>Runs that cannot give an outcome: each is a clear failure, and no QEMU process outlives its run.</summary>
[Collection(nameof(ProcessCountingCollection))]
public class QemuFaultTests
{
    [Fact]
    public void HangingGuest_TimesOut_AndLeavesNoQemuBehind()
    {
        var before = QemuChildren();
        var image = Scenarios.Compile("""
            code:
            spin:   jmp spin
                    hlt
            expect: halted
            """).Image;
        var stopwatch = Stopwatch.StartNew();
        var failure = Assert.Throws<BackendFailure>(() =>
            Scenarios.Tcg.Run(image, Scenarios.Apm, new RunOptions(Timeout: TimeSpan.FromSeconds(1))));
        Assert.Contains("did not finish within 1 s", failure.Message);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
        Assert.Equal(before, QemuChildren());
    }

    [Fact]
    public void MissingQemu_SaysHowToInstallIt()
    {
        var backend = new QemuBackend(QemuAccel.Tcg, "/nonexistent/qemu-system-x86_64");
        var image = Scenarios.Compile("code:\n hlt\nexpect: halted").Image;
        var failure = Assert.Throws<BackendFailure>(() => backend.Run(image, Scenarios.Apm));
        Assert.Contains("qemu-system-x86", failure.Message);
    }

    [Fact]
    public void ImageThatDoesNotFit_IsRefusedBeforeQemuStarts()
    {
        var before = QemuChildren();
        var image = Scenarios.Compile("code:\n hlt\nexpect: halted").Image;
        var tooHigh = image with { Memory = [.. image.Memory, new MemoryBlock(0x462000, [0x90])] };
        var failure = Assert.Throws<BackendFailure>(() => Scenarios.Tcg.Run(tooHigh, Scenarios.Apm));
        Assert.Contains("does not fit", failure.Message);
        Assert.Contains("0x462000", failure.Message);
        Assert.Equal(before, QemuChildren());
    }

    [Fact]
    public void TripleFault_IsAShutdown()
    {
        const string body = """
            code:
                    mov rsp, 0x1000
                    int3
                    hlt
            expect: shutdown
            """;
        var q = Scenarios.OnQemu(body);
        Assert.Equal(X86Machine.Run(Scenarios.Compile(body).Image, Scenarios.Apm).End, q.End);
        Assert.Equal(RunEnd.Shutdown, q.End);
    }

    [Fact]
    public void ParallelRuns_LeaveNoQemuBehind()
    {
        var before = QemuChildren();
        var image = Scenarios.Compile("code:\n mov rax, 5\n hlt\nexpect: rax = 5").Image;
        var outcomes = Enumerable.Range(0, 6).AsParallel().WithDegreeOfParallelism(Environment.ProcessorCount)
            .Select(_ => Scenarios.Tcg.Run(image, Scenarios.Apm)).ToList();
        Assert.All(outcomes, o => Assert.Equal(5UL, Scenarios.Field(o.Final, "rax")));
        Assert.Equal(before, QemuChildren());
    }

    /// <summary>The QEMU processes this test process started that still exist (ids from /proc).</summary>
    private static int[] QemuChildren()
    {
        var self = Environment.ProcessId.ToString();
        var found = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var comm = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                var ppid = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1];
                if (comm.StartsWith("qemu-system", StringComparison.Ordinal) && ppid == self) found.Add(pid);
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }
        return found.Order().ToArray();
    }
}

/// <summary>Counting QEMU processes needs no other test starting them meanwhile.</summary>
[CollectionDefinition(nameof(ProcessCountingCollection), DisableParallelization = true)]
public class ProcessCountingCollection;
