using System.Net;
using System.Net.Sockets;

namespace Errata.Testing;

/// <summary>A port free on 127.0.0.1 a moment ago, for a server a test or benchmark starts.</summary>
internal static class LoopbackPort
{
    public static int Free()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
