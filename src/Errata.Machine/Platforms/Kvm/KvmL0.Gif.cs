using Errata.Machine.Rules;
using Errata.Machine.Svm;

namespace Errata.Machine.Platforms.Kvm;

/// <summary>L1's GIF as KVM keeps it (svm.h gif_set/enable_gif/disable_gif, svm.c svm_set_gif, clgi/stgi_interception).</summary>
internal sealed partial class KvmL0
{
    /// <summary>get_vgif_vmcb: none without vGIF; vmcb02 while L2 runs without nested vGIF; else vmcb01.</summary>
    private Vmcb? VgifVmcb => !_vgif ? null : _guestMode && !_nestedVgif ? _vmcb02 : _vmcb01;

    private bool GifSet => VgifVmcb is { } v ? v.VGif : _guestGif;

    private void EnableGif()
    {
        if (VgifVmcb is { } v) v.IntCtl |= IntCtlBits.VGif;
        else _guestGif = true;
    }

    private void DisableGif()
    {
        if (VgifVmcb is { } v) v.IntCtl &= ~IntCtlBits.VGif;
        else _guestGif = false;
    }

    /// <summary>
    /// svm_set_gif. Setting: with vGIF drop the STGI intercept (armed only for windows), drop a pending
    /// VINTR window, set GIF; held events are then looked at on entry (KVM_REQ_EVENT).
    /// Clearing: clear GIF; without vGIF also drop the VINTR window.
    /// </summary>
    private void SetGif(bool value)
    {
        if (value)
        {
            if (_vgif) ClearIntercept(Intercept.Stgi);
            if (Current.Intercepts(Intercept.VIntr)) ClearVintr();
            EnableGif();
        }
        else
        {
            DisableGif();
            if (!_vgif && Current.Intercepts(Intercept.VIntr)) ClearVintr();
        }
    }

    /// <summary>stgi_interception / clgi_interception: permission checks, skip the instruction, set or clear GIF.</summary>
    private void GifInterception(bool value)
    {
        if (!CheckPermissions(value ? "stgi" : "clgi")) return;
        Skip();
        if (Cpu.Rules.Decide(Decision.KvmSoftwareGif).Delivers) SetGif(value);
    }
}
