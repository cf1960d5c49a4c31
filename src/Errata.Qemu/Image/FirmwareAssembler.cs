using Errata.Machine;
using Errata.Machine.Events;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Qemu.Image;

/// <summary>
/// Writes the 64-bit firmware with Iced's assembler: the long-mode entry that sets up the
/// built-in machine's start state and jumps to the scenario; one entry per vector that reports
/// the delivery on the debug console and then runs the scenario's handler or the default one
/// (what Errata.Machine's default handlers do: #DB resets DR6 and returns, with RF set after an
/// instruction breakpoint; NMI, #BP and interrupts return; any other exception ends the run);
/// and the INT3 sites: injections sent through the xAPIC ICR, and the `hlt` that ends the run.
/// </summary>
internal sealed class FirmwareAssembler
{
    private const int SavedRegisters = 14;
    private const uint Tag = 16;

    private readonly Assembler _a = new(64);
    private readonly MachineImage _image;
    private readonly IReadOnlyList<Site> _sites;
    private Label _emitHex, _emitChar, _report, _finish, _defaultDb;
    private readonly Label[] _vectors = new Label[256];

    private FirmwareAssembler(MachineImage image, IReadOnlyList<Site> sites)
    {
        _image = image;
        _sites = sites;
    }

    /// <summary>The probe flag: 1 while the GIF probe waits for its NMI, 2 once it arrived.</summary>
    private static ulong ProbeFlag => QemuLayout.Data;

    /// <summary>How many sites the firmware's data page has flags for.</summary>
    public const int MaxSites = 0x3F0;

    /// <summary>One byte per site: set once the site's injections fired.</summary>
    private static ulong InjectionsDone(int k) => QemuLayout.Data + 0x10 + (ulong)k;

    /// <summary>One byte per site: set once a #VMEXIT was reported there.</summary>
    private static ulong VmExitSeen(int k) => QemuLayout.Data + 0x400 + (ulong)k;

    /// <summary>The IDT register image lidt loads.</summary>
    public static ulong IdtPointer => QemuLayout.Data + 0x800;

    public static FirmwareCode Assemble(MachineImage image, IReadOnlyList<Site> sites) =>
        new FirmwareAssembler(image, sites).Build();

    private FirmwareCode Build()
    {
        var a = _a;
        _emitHex = a.CreateLabel();
        _emitChar = a.CreateLabel();
        _report = a.CreateLabel();
        _finish = a.CreateLabel();
        _defaultDb = a.CreateLabel();
        for (var v = 0; v < 256; v++) _vectors[v] = a.CreateLabel();
        var entry = a.CreateLabel();
        var smm = a.CreateLabel();

        a.Label(ref entry);
        LongModeEntry();
        a.Label(ref smm);
        SmmEntry();
        for (var v = 0; v < 256; v++) VectorEntry(v);
        Sites();
        DefaultDb();
        Report();
        Finish();
        EmitHex();
        EmitChar();

        using var stream = new MemoryStream();
        var result = a.Assemble(new StreamCodeWriter(stream), QemuLayout.FirmwareBase, BlockEncoderOptions.ReturnNewInstructionOffsets);
        var vectors = new ulong[256];
        for (var v = 0; v < 256; v++) vectors[v] = result.GetLabelRIP(_vectors[v]);
        return new FirmwareCode(stream.ToArray(), vectors, result.GetLabelRIP(entry), result.GetLabelRIP(smm));
    }

    /// <summary>From the boot stub's far jump: segments, stack, IDT, TSS, the host save area, the APIC, then the start state.</summary>
    private void LongModeEntry()
    {
        var a = _a;
        a.mov(ax, MachineStart.DataSelector);
        a.mov(ds, ax);
        a.mov(es, ax);
        a.mov(ss, ax);
        a.mov(fs, ax);
        a.mov(gs, ax);
        a.mov(rsp, MachineStart.StackTop);
        a.lidt(__[IdtPointer]);
        a.mov(ax, QemuLayout.TssSelector);
        a.ltr(ax);
        // The boot page held the multiboot header and stub: the built-in machine has zeroes there.
        a.mov(edi, (uint)QemuLayout.LoadBase);
        a.mov(ecx, (uint)((QemuLayout.BootLimit - QemuLayout.LoadBase) / 8));
        a.xor(eax, eax);
        a.rep.stosq();
        a.mov(ecx, 0xC0010117u); // VM_HSAVE_PA
        a.mov(eax, (uint)MachineStart.HostSaveArea);
        a.xor(edx, edx);
        a.wrmsr();
        a.mov(rax, QemuLayout.Apic + QemuLayout.ApicSvr);
        a.mov(__dword_ptr[rax], 0x1FFu); // software-enabled, spurious vector 0xFF
        a.mov(rax, MachineStart.Dr6);
        a.mov(dr6, rax);
        a.mov(rax, MachineStart.Dr7);
        a.mov(dr7, rax);
        foreach (var r in new[] { rax, rcx, rdx, rbx, rbp, rsi, rdi, r8, r9, r10, r11, r12, r13, r14, r15 }) a.xor(r, r);
        // RFLAGS last: the XORs above set ZF and PF.
        a.push((int)MachineStart.Rflags);
        a.popfq();
        if (_image.GuestEntry is not null) a.mov(rax, MachineStart.Vmcb);
        a.jmp(_image.Entry);
    }

    /// <summary>
    /// From SMM's trampoline, in long mode inside SMM: report the SMI's delivery as the built-in
    /// machine records it (the frame and registers the state-save area holds, on a stack of the
    /// firmware's own, since SMM pushes nothing), then set SMM's state as the built-in machine
    /// does (APM Vol. 2 10.3.2: RFLAGS = 2, DR7 = 400h; QEMU has already blocked NMIs) and run the
    /// scenario's SMI handler on the interrupted stack, or the default one: RSM.
    /// </summary>
    private void SmmEntry()
    {
        var a = _a;
        static ulong Saved(ulong offset) => MachineStart.SmmSaveArea + offset;
        a.mov(ax, MachineStart.DataSelector);
        a.mov(ds, ax);
        a.mov(es, ax);
        a.mov(ss, ax);
        a.mov(rsp, QemuLayout.SmmStackTop);
        a.movzx(eax, __word_ptr[Saved(MachineStart.SmmSave.Selector(2))]);
        a.push(rax);
        a.push(__qword_ptr[Saved(MachineStart.SmmSave.Gpr(4))]);
        a.push(__qword_ptr[Saved(MachineStart.SmmSave.Rflags)]);
        a.movzx(eax, __word_ptr[Saved(MachineStart.SmmSave.Selector(1))]);
        a.push(rax);
        a.push(__qword_ptr[Saved(MachineStart.SmmSave.Rip)]);
        // The report reads DR6 and DR7 live: the interrupted ones, until SMM's DR7 below.
        a.mov(rax, __qword_ptr[Saved(MachineStart.SmmSave.Dr6)]);
        a.mov(dr6, rax);
        a.mov(rax, __qword_ptr[Saved(MachineStart.SmmSave.Dr7)]);
        a.mov(dr7, rax);
        // The trampoline used RAX, RCX, RDX and RBX; the rest are as the SMI found them.
        a.mov(rax, __qword_ptr[Saved(MachineStart.SmmSave.Gpr(0))]);
        a.mov(rcx, __qword_ptr[Saved(MachineStart.SmmSave.Gpr(1))]);
        a.mov(rdx, __qword_ptr[Saved(MachineStart.SmmSave.Gpr(2))]);
        a.mov(rbx, __qword_ptr[Saved(MachineStart.SmmSave.Gpr(3))]);
        a.push(rbx);
        a.mov(ebx, (uint)ReportProtocol.Smm | ((uint)ReportProtocol.Delivery << (int)Tag));
        a.call(_report);
        a.pop(rbx);
        a.push(rax);
        a.mov(eax, (uint)MachineStart.Dr7);
        a.mov(dr7, rax);
        a.pop(rax);
        a.push((int)MachineStart.Rflags);
        a.popfq();
        a.mov(rsp, __qword_ptr[Saved(MachineStart.SmmSave.Gpr(4))]);
        if (_image.Handlers.TryGetValue(EventId.Smi, out var handler)) a.jmp(handler);
        else a.rsm();
    }

    private void VectorEntry(int v)
    {
        var a = _a;
        a.Label(ref _vectors[v]);
        if (v == 2) ProbeCheck();
        if (v == 3) SiteDispatch();
        var word = (uint)v | (MachineStart.PushesErrorCode(v) ? (uint)ReportProtocol.HasErrorCode : 0);
        a.push(rbx);
        a.mov(ebx, word | ((uint)ReportProtocol.Delivery << (int)Tag));
        a.call(_report);
        a.pop(rbx);
        var id = v switch
        {
            2 => EventId.Nmi,
            < 32 => EventId.Exception(v),
            _ => EventId.Intr(v),
        };
        if (_image.Handlers.TryGetValue(id, out var handler)) a.jmp(handler);
        else if (v == 1) a.jmp(_defaultDb);
        else if (v is 2 or 3 or >= 32) a.iretq();
        else
        {
            a.push(rbx);
            a.mov(ebx, word | ((uint)ReportProtocol.Unhandled << (int)Tag));
            a.call(_report);
            a.jmp(_finish);
        }
    }

    /// <summary>The NMI the GIF probe sent: note it and return, reporting nothing.</summary>
    private void ProbeCheck()
    {
        var a = _a;
        var normal = a.CreateLabel();
        a.cmp(__byte_ptr[ProbeFlag], 1);
        a.jne(normal);
        a.mov(__byte_ptr[ProbeFlag], 2);
        a.iretq();
        a.Label(ref normal);
    }

    /// <summary>INT3 at a site: jump to the site's code; any other #BP goes on as a delivery.</summary>
    private void SiteDispatch()
    {
        var a = _a;
        if (_sites.Count == 0) return;
        a.push(rax);
        a.mov(rax, __qword_ptr[rsp + 8]);
        a.dec(rax);
        for (var k = 0; k < _sites.Count; k++)
        {
            a.cmp(rax, (int)_sites[k].Address);
            a.je(SiteLabel(k));
        }
        a.pop(rax);
    }

    private readonly Dictionary<int, Label> _siteLabels = new();

    private Label SiteLabel(int k)
    {
        if (!_siteLabels.TryGetValue(k, out var l)) _siteLabels[k] = l = _a.CreateLabel();
        return l;
    }

    /// <summary>
    /// Each site's code, entered with RAX saved on the #BP frame. A #VMEXIT is reported first, then
    /// injections: report them, resume at the site, and write the ICR last so the event arrives after
    /// IRETQ, at the site's boundary. A `hlt` site then reports the final state and ends the run;
    /// any other site puts its byte back and resumes there.
    /// </summary>
    private void Sites()
    {
        var a = _a;
        for (var k = 0; k < _sites.Count; k++)
        {
            var site = _sites[k];
            var label = SiteLabel(k);
            a.Label(ref label);
            if (site.AfterVmrun) ReportVmExit(k);
            if (site.Injections.Count > 0) Inject(k, site);
            if (site.Halts)
            {
                a.pop(rax);
                a.push(rbx);
                a.mov(ebx, 3u | ((uint)ReportProtocol.Final << (int)Tag));
                a.call(_report);
                a.jmp(_finish);
            }
            else
            {
                a.mov(__byte_ptr[site.Address], site.Original);
                a.mov(rax, site.Address);
                a.mov(__qword_ptr[rsp + 8], rax);
                a.pop(rax);
                a.iretq();
            }
        }
    }

    /// <summary>Fires the site's injections the first time it is reached (a `hlt` site is reached again).</summary>
    private void Inject(int k, Site site)
    {
        var a = _a;
        var done = a.CreateLabel();
        a.cmp(__byte_ptr[InjectionsDone(k)], 0);
        a.jne(done);
        a.mov(__byte_ptr[InjectionsDone(k)], 1);
        a.mov(rax, site.Address);
        a.mov(__qword_ptr[rsp + 8], rax);
        if (!site.Halts) a.mov(__byte_ptr[site.Address], site.Original);
        foreach (var e in site.Injections)
        {
            a.push(rbx);
            a.mov(ebx, (uint)ReportProtocol.EventCode(e));
            a.mov(al, (byte)ReportProtocol.Injected);
            a.call(_emitChar);
            a.mov(rax, rbx);
            a.call(_emitHex);
            a.mov(rax, site.Address);
            a.call(_emitHex);
            a.mov(al, (byte)'\n');
            a.call(_emitChar);
            a.pop(rbx);
        }
        if (site.Injections.Any(e => e.Class == EventClass.Init)) ReportBeforeInit();
        a.mov(rax, QemuLayout.Apic + QemuLayout.ApicIcrHigh);
        a.mov(__dword_ptr[rax], 0u);
        foreach (var e in site.Injections)
        {
            a.mov(rax, QemuLayout.Apic + QemuLayout.ApicIcrLow);
            a.mov(__dword_ptr[rax], Icr.LowWord(e)!.Value);
        }
        a.pop(rax);
        a.iretq();
        a.Label(ref done);
    }

    /// <summary>
    /// The state at the site and the memory, as the end would report them: if the INIT resets the
    /// processor (QEMU's TCG takes it at the site, after the IRETQ), they are the state it reset.
    /// Entered with the interrupted RAX on the #BP frame, whose RIP is the site.
    /// </summary>
    private void ReportBeforeInit()
    {
        var a = _a;
        a.pop(rax);
        a.push(rbx);
        a.mov(ebx, 3u | ((uint)ReportProtocol.BeforeInit << (int)Tag));
        a.call(_report);
        a.pop(rbx);
        a.push(rax);
        a.push(rcx);
        a.push(rsi);
        DumpMemory();
        a.pop(rsi);
        a.pop(rcx);
    }

    /// <summary>
    /// The host resumed after VMRUN with RAX = the VMCB it ran (restored from the host save area):
    /// report the VMCB's EXITCODE and guest RIP, and the host's state, once per site. A VMCB
    /// outside the scenario's memory is not read.
    /// </summary>
    private void ReportVmExit(int k)
    {
        var a = _a;
        var skip = a.CreateLabel();
        a.cmp(__byte_ptr[VmExitSeen(k)], 0);
        a.jne(skip);
        a.mov(__byte_ptr[VmExitSeen(k)], 1);
        a.mov(rax, __qword_ptr[rsp]);
        a.cmp(rax, (int)MemoryMap.ScenarioBase);
        a.jb(skip);
        a.cmp(rax, (int)(MemoryMap.ScenarioLimit - 0x1000));
        a.ja(skip);
        a.mov(al, (byte)ReportProtocol.VmExit);
        a.call(_emitChar);
        a.mov(rax, __qword_ptr[rsp]);
        a.mov(rax, __qword_ptr[rax + VmcbExitCode]);
        a.call(_emitHex);
        a.mov(rax, __qword_ptr[rsp]);
        a.mov(rax, __qword_ptr[rax + VmcbGuestRip]);
        a.call(_emitHex);
        // The report reads the #BP frame right above the caller's RBX: take the saved RAX off meanwhile.
        a.pop(rax);
        a.push(rbx);
        a.mov(ebx, 3u);
        a.call(_report);
        a.pop(rbx);
        a.push(rax);
        a.Label(ref skip);
    }

    // The VMCB's EXITCODE (control area) and guest RIP (state-save area), APM Vol. 2 Appendix B.
    private const int VmcbExitCode = 0x70, VmcbGuestRip = 0x578;

    /// <summary>The default #DB handler: RF in the frame after an execute match (DR7 R/W = 00), DR6 reset, return.</summary>
    private void DefaultDb()
    {
        var a = _a;
        a.Label(ref _defaultDb);
        a.push(rax);
        a.push(rcx);
        a.push(rdx);
        a.mov(rax, dr6);
        a.mov(rcx, dr7);
        for (var n = 0; n < 4; n++)
        {
            var skip = a.CreateLabel();
            a.bt(rax, (byte)n);
            a.jnc(skip);
            a.mov(rdx, rcx);
            a.shr(rdx, (byte)(16 + 4 * n));
            a.test(dl, 3);
            a.jnz(skip);
            a.bts(__qword_ptr[rsp + 24 + 16], 16); // RFLAGS.RF in the frame
            a.Label(ref skip);
        }
        a.mov(rax, MachineStart.Dr6);
        a.mov(dr6, rax);
        a.pop(rdx);
        a.pop(rcx);
        a.pop(rax);
        a.iretq();
    }

    /// <summary>
    /// Writes one state record (ReportProtocol.StateWords). Entered by CALL with EBX = tag, flags and
    /// vector, the caller's RBX pushed just before; preserves every register. EOI for interrupts.
    /// </summary>
    private void Report()
    {
        var a = _a;
        a.Label(ref _report);
        AssemblerRegister64[] saved = [rax, rcx, rdx, rsi, rdi, rbp, r8, r9, r10, r11, r12, r13, r14, r15];
        foreach (var r in saved) a.push(r);
        var slot = new Dictionary<AssemblerRegister64, int>();
        for (var i = 0; i < saved.Length; i++) slot[saved[i]] = (SavedRegisters - 1 - i) * 8;
        var callerRbx = (SavedRegisters + 1) * 8;
        var noError = a.CreateLabel();
        a.lea(rsi, __[rsp + (SavedRegisters + 2) * 8]);
        a.mov(r8, -1L);
        a.test(ebx, (uint)ReportProtocol.HasErrorCode);
        a.jz(noError);
        a.mov(r8, __qword_ptr[rsi]);
        a.add(rsi, 8);
        a.Label(ref noError);
        var noTag = a.CreateLabel();
        a.mov(eax, ebx);
        a.shr(eax, (int)Tag);
        a.jz(noTag); // a record that continues one the caller began
        a.call(_emitChar);
        a.Label(ref noTag);
        a.mov(eax, ebx);
        a.and(eax, 0xFFFF);
        a.call(_emitHex);
        for (var i = 0; i < 5; i++)
        {
            a.mov(rax, __qword_ptr[rsi + i * 8]);
            a.call(_emitHex);
        }
        a.mov(rax, r8);
        a.call(_emitHex);
        foreach (var dr in new[] { dr0, dr1, dr2, dr3, dr6, dr7 })
        {
            a.mov(rax, dr);
            a.call(_emitHex);
        }
        foreach (var cr in new[] { cr0, cr2, cr3, cr4, cr8 })
        {
            a.mov(rax, cr);
            a.call(_emitHex);
        }
        a.mov(ecx, 0xC0000080u); // EFER
        a.rdmsr();
        a.shl(rdx, 32);
        a.or(rax, rdx);
        a.call(_emitHex);
        foreach (var r in new[] { rax, rcx, rdx })
        {
            a.mov(rax, __qword_ptr[rsp + slot[r]]);
            a.call(_emitHex);
        }
        a.mov(rax, __qword_ptr[rsp + callerRbx]);
        a.call(_emitHex);
        foreach (var r in new[] { rbp, rsi, rdi, r8, r9, r10, r11, r12, r13, r14, r15 })
        {
            a.mov(rax, __qword_ptr[rsp + slot[r]]);
            a.call(_emitHex);
        }
        a.mov(al, (byte)'\n');
        a.call(_emitChar);
        var noEoi = a.CreateLabel();
        a.cmp(bl, 32);
        a.jb(noEoi);
        a.mov(rax, QemuLayout.Apic + QemuLayout.ApicEoi);
        a.mov(__dword_ptr[rax], 0u);
        a.Label(ref noEoi);
        foreach (var r in saved.Reverse()) a.pop(r);
        a.ret();
    }

    /// <summary>
    /// The run's end: probe GIF with a self-NMI (taken at once only when GIF is 1, or when NMIs are
    /// not blocked by an NMI handler still running), report, and exit through isa-debug-exit.
    /// </summary>
    private void Finish()
    {
        var a = _a;
        a.Label(ref _finish);
        a.mov(__byte_ptr[ProbeFlag], 1);
        a.mov(rax, QemuLayout.Apic + QemuLayout.ApicIcrHigh);
        a.mov(__dword_ptr[rax], 0u);
        a.mov(rax, QemuLayout.Apic + QemuLayout.ApicIcrLow);
        a.mov(__dword_ptr[rax], Icr.LowWord(EventId.Nmi)!.Value);
        a.mov(ecx, 1000u);
        var wait = a.CreateLabel();
        a.Label(ref wait);
        a.pause();
        a.dec(ecx);
        a.jnz(wait);
        DumpMemory();
        a.mov(al, (byte)ReportProtocol.Gif);
        a.call(_emitChar);
        a.movzx(eax, __byte_ptr[ProbeFlag]);
        a.shr(eax, 1);
        a.call(_emitHex);
        a.mov(al, (byte)'\n');
        a.call(_emitChar);
        a.mov(al, (byte)ReportProtocol.End);
        a.call(_emitChar);
        a.mov(al, (byte)'\n');
        a.call(_emitChar);
        a.mov(al, QemuLayout.ExitValue);
        a.@out(QemuLayout.ExitPort, al);
        var stop = a.CreateLabel();
        a.Label(ref stop);
        a.cli();
        a.hlt();
        a.jmp(stop);
    }

    /// <summary>The scenario's memory blocks and the VMCB, as memory records, for claims on memory after the run.</summary>
    private void DumpMemory()
    {
        var a = _a;
        foreach (var (start, count) in ReportProtocol.DumpedRanges(_image))
        {
            a.mov(al, (byte)ReportProtocol.Memory);
            a.call(_emitChar);
            a.mov(rax, start);
            a.call(_emitHex);
            a.mov(eax, (uint)count);
            a.call(_emitHex);
            a.mov(rsi, start);
            a.mov(ecx, (uint)count);
            var next = a.CreateLabel();
            a.Label(ref next);
            a.mov(rax, __qword_ptr[rsi]);
            a.call(_emitHex);
            a.add(rsi, 8);
            a.dec(ecx);
            a.jnz(next);
            a.mov(al, (byte)'\n');
            a.call(_emitChar);
        }
    }

    /// <summary>RAX as 16 hex digits and a space; preserves every register.</summary>
    private void EmitHex()
    {
        var a = _a;
        a.Label(ref _emitHex);
        a.push(rax);
        a.push(rcx);
        a.push(rdx);
        a.mov(rdx, rax);
        a.mov(ecx, 16u);
        var digit = a.CreateLabel();
        var low = a.CreateLabel();
        a.Label(ref digit);
        a.rol(rdx, 4);
        a.mov(eax, edx);
        a.and(eax, 0xF);
        a.cmp(al, 10);
        a.jb(low);
        a.add(al, 'a' - '0' - 10);
        a.Label(ref low);
        a.add(al, (byte)'0');
        a.@out(QemuLayout.DebugConsolePort, al);
        a.dec(ecx);
        a.jnz(digit);
        a.mov(al, (byte)' ');
        a.@out(QemuLayout.DebugConsolePort, al);
        a.pop(rdx);
        a.pop(rcx);
        a.pop(rax);
        a.ret();
    }

    /// <summary>AL on the debug console.</summary>
    private void EmitChar()
    {
        var a = _a;
        a.Label(ref _emitChar);
        a.@out(QemuLayout.DebugConsolePort, al);
        a.ret();
    }
}
