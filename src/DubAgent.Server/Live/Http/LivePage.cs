using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DubAgent.Server.Live.Http;

/// <summary>The /live page (plain HTML, CSS and JS embedded in this assembly; nothing from a CDN, no build step).</summary>
public static class LivePage
{
    private static readonly (string Route, string Resource, string Type)[] Files =
    [
        ("/live", "live.html", "text/html; charset=utf-8"),
        ("/live/live.js", "live.js", "text/javascript; charset=utf-8"),
        ("/live/live.css", "live.css", "text/css; charset=utf-8"),
    ];

    public static void Map(IEndpointRouteBuilder routes)
    {
        foreach (var (route, resource, type) in Files)
        {
            var bytes = Read(resource);
            routes.MapGet(route, (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "no-cache";
                return route == "/live" && context.Request.Query["token"] is [{ Length: > 0 } token]
                    ? Results.Bytes(WithToken(bytes, token), type)
                    : Results.Bytes(bytes, type);
            });
        }
    }

    /// <summary>
    /// The page's own script and style behind the same `?token=` it was opened with: a browser sends no Authorization
    /// header for them, so without it the access gate refuses them and the page stays dead.
    /// </summary>
    private static byte[] WithToken(byte[] html, string token)
    {
        var query = "?token=" + Uri.EscapeDataString(token);
        var text = Encoding.UTF8.GetString(html);
        foreach (var (route, _, _) in Files.Skip(1)) text = text.Replace($"\"{route}\"", $"\"{route}{query}\"", StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text);
    }

    private static byte[] Read(string name)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".Live.Page." + name, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
