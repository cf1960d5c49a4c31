using System.Diagnostics;
using Errata.Machine;
using Errata.Machine.Profiles;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;
using IcedDecoder = Iced.Intel.Decoder;

namespace Errata.Benchmarks;

/// <summary>
/// The machine's speed on a long loop (apm profile, no trace) against Iced's raw decode rate
/// over the same instructions, measured in the same run after a warm-up. The two are measured
/// alternately several times in processor time (so other processes competing for the cores do
/// not count) and the best of each is reported.
/// </summary>
internal static class MachineBenchmark
{
    private const long LoopIterations = 10_000_000;
    private const int DecodeRounds = 150;
    private const int Rounds = 5;

    public static int Run(string[] args)
    {
        var image = LoopImage(LoopIterations);
        var profile = ProfileRegistry.All.First(p => p.Name == "apm");
        var body = LoopBody();

        X86Machine.Run(LoopImage(200_000), profile);
        DecodeRate(body, 20);

        double machineRate = 0, decodeRate = 0;
        Outcome? outcome = null;
        for (var r = 0; r < Rounds; r++)
        {
            var start = CpuTime();
            outcome = X86Machine.Run(image, profile);
            machineRate = Math.Max(machineRate, outcome.Instructions / (CpuTime() - start).TotalSeconds);
            decodeRate = Math.Max(decodeRate, DecodeRate(body, DecodeRounds));
        }

        Console.WriteLine($"machine: {machineRate:F0} instructions/s, iced decode: {decodeRate:F0} instructions/s");
        Console.WriteLine($"  (best of {Rounds}; {outcome!.Instructions} instructions per run, end {outcome.End}; ratio {machineRate / decodeRate:F2})");
        return outcome.End == Errata.Machine.Events.RunEnd.Halted ? 0 : 1;
    }

    /// <summary>mov rcx, N; loop: add rax, rcx; xor rdx, rax; dec rcx; jnz loop; hlt.</summary>
    private static MachineImage LoopImage(long iterations)
    {
        var a = new Assembler(64);
        var loop = a.CreateLabel();
        a.mov(rcx, iterations);
        a.Label(ref loop);
        a.add(rax, rcx);
        a.xor(rdx, rax);
        a.dec(rcx);
        a.jnz(loop);
        a.hlt();
        var bytes = Assemble(a);
        return new MachineImage([new MemoryBlock(MemoryMap.CodeBase, bytes)], MemoryMap.CodeBase,
            new Dictionary<Errata.Machine.Events.EventId, ulong>(), null, [], iterations * 4 + 100);
    }

    /// <summary>The loop's four instructions repeated over 64 KiB, for the decoder.</summary>
    private static byte[] LoopBody()
    {
        var a = new Assembler(64);
        for (var i = 0; i < 4096; i++)
        {
            var next = a.CreateLabel();
            a.add(rax, rcx);
            a.xor(rdx, rax);
            a.dec(rcx);
            a.jnz(next);
            a.Label(ref next);
        }
        a.hlt();
        return Assemble(a);
    }

    private static double DecodeRate(byte[] code, int rounds)
    {
        long count = 0;
        var start = CpuTime();
        for (var r = 0; r < rounds; r++)
        {
            var decoder = IcedDecoder.Create(64, new ByteArrayCodeReader(code));
            decoder.IP = MemoryMap.CodeBase;
            var end = decoder.IP + (ulong)code.Length;
            while (decoder.IP < end)
            {
                decoder.Decode(out _);
                count++;
            }
        }
        return count / (CpuTime() - start).TotalSeconds;
    }

    private static TimeSpan CpuTime() => Process.GetCurrentProcess().TotalProcessorTime;

    private static byte[] Assemble(Assembler a)
    {
        var stream = new MemoryStream();
        a.Assemble(new StreamCodeWriter(stream), MemoryMap.CodeBase);
        return stream.ToArray();
    }
}
