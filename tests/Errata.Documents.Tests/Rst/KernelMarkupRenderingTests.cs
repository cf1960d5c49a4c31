using Errata.Documents.Rst;

namespace Errata.Documents.Tests.Rst;

/// <summary>The kernel's kernel-doc directive and C-domain roles render as code.</summary>
public class KernelMarkupRenderingTests
{
    private static string Render(string rst)
    {
        var pipeline = new DocumentPipelineBuilder().UseRst().Build();
        return pipeline.CreateRenderer().Render(pipeline.Read("k.rst", rst, new ReadContext(".")));
    }

    [Fact]
    public void KernelDoc_ShowsItsSourceFileAsCode()
    {
        var html = Render("API\n===\n\n.. kernel-doc:: include/linux/list.h\n   :internal:\n");
        Assert.Contains("<code>include/linux/list.h</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void CDomainRoles_AreCode()
    {
        var html = Render("Call :c:func:`kvm_vcpu_ioctl` with :c:type:`struct kvm_run <kvm_run>`.\n");
        Assert.Contains("<code>kvm_vcpu_ioctl", html, StringComparison.Ordinal);
        Assert.Contains("<code>struct kvm_run", html, StringComparison.Ordinal);
    }
}
