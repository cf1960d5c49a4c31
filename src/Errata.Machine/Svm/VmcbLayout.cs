using Errata.Machine.Core;

namespace Errata.Machine.Svm;

/// <summary>Byte offsets of the modelled VMCB fields (APM Vol. 2 Appendix B; Linux vmcb_control_area/vmcb_save_area).</summary>
internal static class VmcbLayout
{
    public const int CrIntercepts = 0x000, DrIntercepts = 0x004, ExceptionIntercepts = 0x008;
    public const int Misc1 = 0x00C, Misc2 = 0x010, IopmBase = 0x040;
    public const int IntCtl = 0x060, IntVector = 0x064, IntState = 0x068;
    public const int ExitCode = 0x070, ExitInfo1 = 0x078, ExitInfo2 = 0x080, ExitIntInfo = 0x088;
    public const int EventInj = 0x0A8, NextRip = 0x0C8;
    public const int Cpl = 0x4CB, Efer = 0x4D0, Cr4 = 0x548, Cr3 = 0x550, Cr0 = 0x558;
    public const int Dr7 = 0x560, Dr6 = 0x568, Rflags = 0x570, Rip = 0x578, Rsp = 0x5D8, Rax = 0x5F8, Cr2 = 0x640;
    public const int Asid = 0x058, CsSelector = 0x410, CsAttrib = 0x412, SsSelector = 0x420, SsAttrib = 0x422;
    public const int Size = 0x1000;

    public static Vmcb Read(PhysicalMemory m, ulong a)
    {
        ulong Q(int off) => m.TryRead(a + (ulong)off, 8, out var v) ? v : 0;
        uint D(int off) => m.TryRead(a + (ulong)off, 4, out var v) ? (uint)v : 0;
        return new Vmcb
        {
            Address = a,
            Owner = VmcbOwner.Software,
            CrIntercepts = D(CrIntercepts), DrIntercepts = D(DrIntercepts), ExceptionIntercepts = D(ExceptionIntercepts),
            Misc1 = D(Misc1), Misc2 = D(Misc2),
            IopmBase = Q(IopmBase), Iopm = IoPermissionMap.InMemory(m, Q(IopmBase) & ~0xFFFUL), // bits 11:0 are ignored
            IntCtl = D(IntCtl), IntVector = D(IntVector), IntState = D(IntState),
            ExitCode = Q(ExitCode), ExitInfo1 = Q(ExitInfo1), ExitInfo2 = Q(ExitInfo2), ExitIntInfo = Q(ExitIntInfo),
            EventInj = Q(EventInj), NextRip = Q(NextRip),
            Cpl = m.TryRead(a + Cpl, 1, out var cpl) ? (byte)cpl : (byte)0,
            Efer = Q(Efer), Cr4 = Q(Cr4), Cr3 = Q(Cr3), Cr0 = Q(Cr0), Dr7 = Q(Dr7), Dr6 = Q(Dr6),
            Rflags = Q(Rflags), Rip = Q(Rip), Rsp = Q(Rsp), Rax = Q(Rax), Cr2 = Q(Cr2),
            Asid = D(Asid), CsAttrib = (ushort)D(CsAttrib), SsAttrib = (ushort)D(SsAttrib),
        };
    }

    public static void Write(PhysicalMemory m, ulong a, Vmcb v)
    {
        void Q(int off, ulong x) => m.TryWrite(a + (ulong)off, 8, x);
        void D(int off, uint x) => m.TryWrite(a + (ulong)off, 4, x);
        D(CrIntercepts, v.CrIntercepts); D(DrIntercepts, v.DrIntercepts); D(ExceptionIntercepts, v.ExceptionIntercepts);
        D(Misc1, v.Misc1); D(Misc2, v.Misc2); Q(IopmBase, v.IopmBase);
        D(IntCtl, v.IntCtl); D(IntVector, v.IntVector); D(IntState, v.IntState);
        Q(ExitCode, v.ExitCode); Q(ExitInfo1, v.ExitInfo1); Q(ExitInfo2, v.ExitInfo2); Q(ExitIntInfo, v.ExitIntInfo);
        Q(EventInj, v.EventInj); Q(NextRip, v.NextRip);
        m.TryWrite(a + Cpl, 1, v.Cpl);
        Q(Efer, v.Efer); Q(Cr4, v.Cr4); Q(Cr3, v.Cr3); Q(Cr0, v.Cr0); Q(Dr7, v.Dr7); Q(Dr6, v.Dr6);
        Q(Rflags, v.Rflags); Q(Rip, v.Rip); Q(Rsp, v.Rsp); Q(Rax, v.Rax); Q(Cr2, v.Cr2);
        D(Asid, v.Asid); m.TryWrite(a + CsAttrib, 2, v.CsAttrib); m.TryWrite(a + SsAttrib, 2, v.SsAttrib);
    }
}
