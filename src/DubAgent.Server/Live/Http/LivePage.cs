using System.Reflection;
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
                return Results.Bytes(bytes, type);
            });
        }
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
