using System.Net;
using System.Net.Sockets;

namespace Errata.Cli.Tests;

public sealed class ServeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("errata-serve-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void PortInUse_IsOneLine_ExitTwo_BeforeAnyBuild()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "docs"));
        File.WriteAllText(Path.Combine(_dir, "site.config.json"), "{}");
        File.WriteAllText(Path.Combine(_dir, "docs", "index.md"), "# Index\n");
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var (exit, output, err) = CliRunner.Run(_dir, "serve", "--port", port);
            Assert.Equal(2, exit);
            Assert.Equal("", output);
            var line = Assert.Single(err.TrimEnd('\n').Split('\n'));
            Assert.StartsWith($"errata serve: error ERR0905: cannot listen on 127.0.0.1 port {port}: ", line, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(_dir, "_site")));
        }
        finally
        {
            taken.Stop();
        }
    }
}
