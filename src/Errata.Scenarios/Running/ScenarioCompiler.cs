using Errata.Diagnostics;
using Errata.Documents.Syntax;
using Errata.Machine;
using Errata.Machine.Events;
using Errata.Machine.Profiles;
using Errata.Machine.Svm;
using Errata.Scenarios.Assembly;
using Errata.Scenarios.Parsing;
using Errata.Scenarios.Syntax;

namespace Errata.Scenarios.Running;

/// <summary>
/// Parses a scenario block, assembles its sections and resolves everything that names
/// a label, an event or a profile, so that a compiled scenario can only fail by its claims.
/// </summary>
public static class ScenarioCompiler
{
    public static CompiledScenario? Compile(ScenarioBlock block, ScenarioOptions options, DiagnosticBag diagnostics)
    {
        var before = diagnostics.Items.Count;
        var syntax = ScenarioParser.Parse(block, diagnostics);
        var profiles = ResolveProfiles(syntax, options, diagnostics);
        CheckExpectProfiles(syntax, profiles, diagnostics);
        CheckGapProfiles(syntax, profiles, diagnostics);

        var sections = syntax.Sections
            // Sections are laid out in the order of their kinds from MemoryMap.CodeBase.
            .OrderBy(s => s.Kind)
            .Select(s => new AsmSection(s.Name, s.Lines))
            .ToList();
        var assembly = TextAssembler.Assemble(sections, MemoryMap.CodeBase);
        diagnostics.AddRange(assembly.Diagnostics);

        var handlers = ResolveHandlers(syntax, assembly, diagnostics);
        var injections = ResolveInjections(syntax, assembly, diagnostics);
        var vmcb = ResolveVmcb(syntax, diagnostics);
        CheckLabels(syntax, assembly, diagnostics);
        if (diagnostics.Items.Skip(before).Any(d => d.IsError))
            return null;
        if (syntax.Expects.Count == 0 && syntax.Gaps.Count == 0)
            diagnostics.Add(ScenarioErrors.NoExpect, block.Span with { Length = 3 }, block.Name);

        var image = new MachineImage(
            [new MemoryBlock(assembly.Base, assembly.Bytes)],
            assembly.SectionStarts[SectionNames.Of(SectionKind.Code)],
            handlers,
            assembly.SectionStarts.TryGetValue(SectionNames.Of(SectionKind.Guest), out var guest) ? guest : null,
            injections,
            syntax.Budget)
        {
            Vmcb = vmcb,
            Instructions = assembly.Instructions.Select(i => new ImageInstruction(i.Address, i.Length)).ToArray(),
        };
        return new CompiledScenario(syntax, assembly, image, profiles) { Options = options };
    }

    private static List<Profile> ResolveProfiles(Scenario syntax, ScenarioOptions options, DiagnosticBag diagnostics)
    {
        var known = string.Join(", ", ProfileRegistry.All.Select(p => p.Name));
        var result = new List<Profile>();
        if (syntax.Profiles is null)
        {
            foreach (var name in options.DefaultProfiles)
                if (ProfileRegistry.TryGet(name, out var p)) result.Add(p);
            return result;
        }
        foreach (var name in syntax.Profiles)
        {
            if (name.Value == "all") { result.AddRange(ProfileRegistry.All); continue; }
            if (ProfileRegistry.TryGet(name.Value, out var p)) result.Add(p);
            else diagnostics.Add(ScenarioErrors.UnknownProfile, name.Span, name.Value, known);
        }
        return result.Distinct().ToList();
    }

    private static void CheckExpectProfiles(Scenario syntax, List<Profile> profiles, DiagnosticBag diagnostics)
    {
        var known = string.Join(", ", ProfileRegistry.All.Select(p => p.Name));
        var running = string.Join(", ", profiles.Select(p => p.Name));
        foreach (var expect in syntax.Expects)
        foreach (var name in expect.Profiles)
        {
            if (!ProfileRegistry.TryGet(name.Value, out var p))
                diagnostics.Add(ScenarioErrors.UnknownProfile, name.Span, name.Value, known);
            else if (!profiles.Contains(p))
                diagnostics.Add(ScenarioErrors.ExpectProfileNotRun, name.Span, name.Value, running);
        }
    }

    /// <summary>A gap line names profiles the scenario runs, and not all of them: a gap needs a profile on each side.</summary>
    private static void CheckGapProfiles(Scenario syntax, List<Profile> profiles, DiagnosticBag diagnostics)
    {
        var known = string.Join(", ", ProfileRegistry.All.Select(p => p.Name));
        var running = string.Join(", ", profiles.Select(p => p.Name));
        foreach (var gap in syntax.Gaps)
        {
            var named = new HashSet<Profile>();
            foreach (var name in gap.Profiles)
            {
                if (!ProfileRegistry.TryGet(name.Value, out var p))
                    diagnostics.Add(ScenarioErrors.UnknownProfile, name.Span, name.Value, known);
                else if (!profiles.Contains(p))
                    diagnostics.Add(GapErrors.GapProfileNotRun, name.Span, name.Value, running);
                else
                    named.Add(p);
            }
            if (profiles.Count > 0 && profiles.All(named.Contains))
                diagnostics.Add(GapErrors.GapCoversAll, gap.Profiles[0].Span, running);
        }
    }

    private static Dictionary<EventId, ulong> ResolveHandlers(Scenario syntax, AssemblyResult assembly, DiagnosticBag diagnostics)
    {
        var handlers = new Dictionary<EventId, ulong>();
        foreach (var section in syntax.Sections.Where(s => s.Kind == SectionKind.Handler))
        {
            var vector = section.Vector!;
            if (EventNames.TryParse(vector, out var id) && id.Class != EventClass.VmExit)
            {
                if (assembly.SectionStarts.TryGetValue(section.Name, out var address)) handlers[id] = address;
            }
            else
            {
                diagnostics.Add(ScenarioErrors.BadHandler, section.Span.Shift(SectionNames.VectorColumn, vector.Length), vector);
            }
        }
        return handlers;
    }

    private static List<Injection> ResolveInjections(Scenario syntax, AssemblyResult assembly, DiagnosticBag diagnostics)
    {
        var result = new List<Injection>();
        foreach (var inject in syntax.Injects)
        {
            if (!InjectableEvents.TryParse(inject.Event, out var id))
            {
                diagnostics.Add(ScenarioErrors.UnknownEvent, inject.EventSpan, inject.Event, InjectableEvents.Known);
                continue;
            }
            if (!assembly.Labels.TryGetValue(inject.Label, out var address))
            {
                if (!assembly.HasErrors) diagnostics.Add(AssemblerErrors.UndefinedLabel, inject.LabelSpan, inject.Label);
                continue;
            }
            result.Add(new Injection(id, address));
        }
        return result;
    }

    /// <summary>
    /// The VMCB keys by name. Repeated `intercept_exception=N` lines each add vector N, so they
    /// are folded into the bitmap word, which the machine applies before single bits.
    /// </summary>
    private static Dictionary<string, ulong> ResolveVmcb(Scenario syntax, DiagnosticBag diagnostics)
    {
        var keys = new Dictionary<string, ulong>(StringComparer.Ordinal);
        if (syntax.Vmcb.Count > 0 && !syntax.Sections.Exists(s => s.Kind == SectionKind.Guest))
            diagnostics.Add(ScenarioErrors.VmcbWithoutGuest, syntax.Vmcb[0].KeySpan);
        ulong exceptions = 0;
        foreach (var setting in syntax.Vmcb)
        {
            var key = setting.Key.ToLowerInvariant();
            if (!VmcbKeys.IsKnown(key))
            {
                diagnostics.Add(ScenarioErrors.UnknownVmcbKey, setting.KeySpan, setting.Key, string.Join(", ", VmcbKeys.All));
                continue;
            }
            if (!Claims.Hex.TryParse(setting.Value, out var value) || (key == VmcbKeys.ExceptionBit && value >= VmcbKeys.ExceptionVectors))
            {
                diagnostics.Add(ScenarioErrors.BadVmcbValue, setting.ValueSpan, setting.Value);
                continue;
            }
            if (key == VmcbKeys.ExceptionBit) exceptions |= 1UL << (int)value;
            else keys[key] = value;
        }
        if (exceptions != 0)
            keys[VmcbKeys.ExceptionBitmap] = (keys.TryGetValue(VmcbKeys.ExceptionBitmap, out var word) ? word : 0) | exceptions;
        return keys;
    }

    private static void CheckLabels(Scenario syntax, AssemblyResult assembly, DiagnosticBag diagnostics)
    {
        if (assembly.HasErrors) return;
        var claims = syntax.Expects.Select(e => (e.Assertion, e.Span)).Concat(syntax.Gaps.Select(g => (g.Assertion, g.Span)));
        foreach (var (assertion, span) in claims)
        foreach (var label in assertion.Labels)
            if (!assembly.Labels.ContainsKey(label.Name))
                diagnostics.Add(AssemblerErrors.UndefinedLabel, span.Shift(label.Offset, label.Name.Length), label.Name);
    }
}
