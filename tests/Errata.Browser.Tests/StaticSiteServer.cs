using System.Net;
using Errata.Testing;

namespace Errata.Browser.Tests;

/// <summary>
/// Serves a folder on 127.0.0.1 at a free port, as a static host would: the built site is
/// opened over HTTP (search fetches its index), and nothing leaves the machine.
/// </summary>
public sealed class StaticSiteServer : IDisposable
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
    };

    private readonly string _folder;
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public StaticSiteServer(string folder)
    {
        _folder = Path.GetFullPath(folder);
        BaseUrl = $"http://127.0.0.1:{LoopbackPort.Free()}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }
            Respond(context);
        }
    }

    private void Respond(HttpListenerContext context)
    {
        using var response = context.Response;
        var relative = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/');
        if (relative.Length == 0 || relative.EndsWith('/')) relative += "index.html";
        var path = Path.GetFullPath(Path.Combine(_folder, relative));
        if (!path.StartsWith(_folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
        {
            response.StatusCode = 404;
            return;
        }
        var bytes = File.ReadAllBytes(path);
        response.ContentType = ContentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
