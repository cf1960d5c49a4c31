using System.Diagnostics;
using System.Security.Cryptography;
using Errata.Machine.Core;
using Errata.Machine.Events;
using Errata.Machine.Firmware;
using Errata.Machine.Profiles;
using Errata.Machine.Rules;
using Errata.Machine.Svm;
using Errata.Machine.Tracing;

namespace Errata.Machine;

/// <summary>The built-in x86-64 machine: runs an image on a profile and reports what happened.</summary>
public static class X86Machine
{
    /// <summary>Bumped whenever a mechanism changes without a rule changing.</summary>
    private const string ModelVersion = "2";

    /// <summary>
    /// Identifies the machine's behaviour for caches and provenance; changes whenever
    /// a rule or mechanism changes.
    /// </summary>
    public static string Version { get; } = ComputeVersion();

    /// <summary>
    /// Runs the image to its end. An exception from the machine itself is a bug, not an outcome:
    /// it propagates, so no claim can hold on it.
    /// </summary>
    public static Outcome Run(MachineImage image, Profile profile, RunOptions? options = null)
    {
        var deadline = Deadline((options ?? new RunOptions()).EffectiveTimeout);
        var cpu = new Cpu(profile.RuleSet) { Skinit = profile.ReportsSkinit };
        cpu.Platform = profile.CreatePlatform(cpu);
        if (options?.Trace == true)
        {
            var tracer = new Tracer();
            cpu.Tracer = tracer;
            cpu.Log.Observer = (record, fate) => tracer.Fate(cpu, record, fate);
        }
        foreach (var block in image.Memory)
        {
            if (!cpu.Memory.Contains(block.Address, block.Bytes.Length))
                return Refuse(profile, cpu, $"memory block at 0x{block.Address:x} ({block.Bytes.Length} bytes) lies outside the scenario's memory");
            cpu.Memory.Load(block.Address, block.Bytes);
        }
        Idt.Install(cpu, image.Handlers);
        if (image.GuestEntry is { } guest) VmcbKeys.Write(cpu.Memory, guest, image.Vmcb);
        cpu.Injections = image.Injections;
        foreach (var injection in image.Injections) cpu.Cache.MarkInjection(injection.Address);
        cpu.Platform.Start(image);
        cpu.RefreshPending();
        cpu.Run(image.Budget, deadline);
        return Finish(profile, cpu);
    }

    /// <summary>The Stopwatch timestamp at which a run started now times out.</summary>
    private static long Deadline(TimeSpan timeout)
    {
        var ticks = timeout.TotalSeconds * Stopwatch.Frequency;
        var now = Stopwatch.GetTimestamp();
        return ticks >= long.MaxValue - now ? long.MaxValue : now + (long)ticks;
    }

    private static Outcome Finish(Profile profile, Cpu cpu)
    {
        var end = cpu.Ended ?? RunEnd.Stopped;
        var explained = end is RunEnd.Stopped or RunEnd.TimedOut;
        cpu.HandlersAtEnd();
        return new Outcome(profile.Name, end, cpu.Instructions, cpu.Log.ToEvents(), cpu.Snapshot(),
            cpu.Tracer?.Steps ?? [])
        {
            StopReason = explained ? cpu.EndReason : null,
            StopRip = explained ? cpu.EndRip : null,
        };
    }

    private static Outcome Refuse(Profile profile, Cpu cpu, string reason)
    {
        cpu.End(RunEnd.Stopped, reason);
        return Finish(profile, cpu);
    }

    private static string ComputeVersion()
    {
        var text = string.Join("\n", RuleBook.Processor.Concat(RuleBook.Kvm)
            .Select(b => $"{b.Decision}|{b.Fate}|{b.Rule.Id}|{b.Rule.Statement}|{b.Rule.Source}"));
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ModelVersion + "\n" + text));
        return $"{ModelVersion}+{Convert.ToHexStringLower(hash)[..16]}";
    }
}
