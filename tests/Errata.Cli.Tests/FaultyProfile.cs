using Errata.Machine;
using Errata.Machine.Apic;
using Errata.Machine.Core;
using Errata.Machine.Events;
using Errata.Machine.Firmware;
using Errata.Machine.Platforms;
using Errata.Machine.Profiles;
using Errata.Machine.Rules;

namespace Errata.Cli.Tests;

/// <summary>
/// "faulty": apm's rules on a platform that throws when an event is sent to it, standing in for a
/// bug in the machine. Registered under its name so documents and site.config.json can name it.
/// </summary>
internal sealed class FaultyProfile : Profile
{
    public const string FaultMessage = "injected fault: this platform cannot take events";

    private static readonly Profile Apm = ProfileRegistry.All.Single(p => p.Name == "apm");

    public static void Register() => ProfileRegistry.Add(new FaultyProfile());

    public override string Name => "faulty";

    public override string Description => "apm's rules on a platform that throws when an event arrives";

    public override IReadOnlyList<Rule> Rules => Apm.Rules;

    internal override RuleSet RuleSet => Apm.RuleSet;

    internal override Platform CreatePlatform(Cpu cpu) => new FaultyPlatform(cpu);

    private sealed class FaultyPlatform(Cpu cpu) : Platform(cpu)
    {
        public override LocalApic Apic { get; } = new((_, _) => throw new InvalidOperationException(FaultMessage));

        public override bool ScenarioGif => Cpu.Gif;

        public override bool ScenarioInGuest => false;

        public override void Start(MachineImage image)
        {
            Cpu.Rip = image.Entry;
            Cpu.Rsp = MachineLayout.StackTop;
        }

        public override void Signal(EventId id, string cause, ulong rip) => throw new InvalidOperationException(FaultMessage);
    }
}
