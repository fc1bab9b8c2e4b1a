using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Server.Studio;

/// <summary>
/// The studio's pages and their scripts and style, embedded in this assembly (no CDN, no build step). A page gets its
/// anti-forgery token written into a meta tag and its forms, so every write it makes carries one.
/// </summary>
public static class StudioPages
{
    private const string HtmlType = "text/html; charset=utf-8";

    public static void Map(IEndpointRouteBuilder endpoints, StudioSignIn signIn)
    {
        foreach (var page in Pages)
            endpoints.MapGet(page.Path, context => PageAsync(context, page));
        endpoints.MapGet(StudioSignIn.LoginPath, context => PageAsync(context, Login));
        endpoints.MapPost(StudioSignIn.LoginPath, async context =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            if (!signIn.TrySignIn(context, form["token"]))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await PageAsync(context, Login, "That token is not the one the server was started with (--token or DUBAGENT_TOKEN).", form["next"]).ConfigureAwait(false);
                return;
            }
            context.Response.Redirect(LocalTarget(form["next"]));
        });
        endpoints.MapPost("/logout", context =>
        {
            StudioSignIn.SignOut(context);
            context.Response.Redirect(StudioSignIn.LoginPath);
            return Task.CompletedTask;
        });
        foreach (var asset in new[] { "studio.css", "studio.js", "dub.js", "job.js", "review.js", "jobs.js", "voices.js" })
            endpoints.MapGet("/" + asset, context => AssetAsync(context, asset));
    }

    private static async Task PageAsync(HttpContext context, Page page, string? error = null, string? next = null)
    {
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        var tokens = antiforgery.GetAndStoreTokens(context);
        var scripts = page.Script is null ? "" : $"<script src=\"/studio.js\" defer></script>\n<script src=\"/{page.Script}\" defer></script>";
        var nav = page.Script is null ? "" : string.Concat(
            "<nav aria-label=\"Studio\"><a href=\"/\">New dub</a><a href=\"/jobs\">Jobs</a><a href=\"/voices\">Voices</a></nav>\n  ",
            "<form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"{{csrf-field}}\" value=\"{{csrf}}\">",
            "<button class=\"secondary\" type=\"submit\">Sign out</button></form>");
        var html = Read("layout.html")
            .Replace("{{title}}", page.Title, StringComparison.Ordinal)
            .Replace("{{scripts}}", scripts, StringComparison.Ordinal)
            .Replace("{{nav}}", nav, StringComparison.Ordinal)
            .Replace("{{main}}", Read(page.Content), StringComparison.Ordinal)
            .Replace("{{csrf}}", WebUtility.HtmlEncode(tokens.RequestToken), StringComparison.Ordinal)
            .Replace("{{csrf-field}}", StudioRegistration.CsrfField, StringComparison.Ordinal)
            .Replace("{{error}}", error is null ? "" : $"<p class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(error)}</p>", StringComparison.Ordinal)
            .Replace("{{next}}", WebUtility.HtmlEncode(LocalTarget(next ?? context.Request.Query["next"])), StringComparison.Ordinal);
        context.Response.ContentType = HtmlType;
        context.Response.Headers.CacheControl = "no-store";
        // The pages load only their own scripts and styles, and are never framed by another site.
        context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; media-src 'self' blob:; frame-ancestors 'none'; form-action 'self'";
        await context.Response.WriteAsync(html, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>A page: its address, its title, its content (inside the shared layout) and its script (none: no navigation either).</summary>
    private sealed record Page(string Path, string Title, string Content, string? Script);

    private static readonly Page Login = new(StudioSignIn.LoginPath, "Sign in", "login.html", null);

    private static readonly Page[] Pages =
    [
        new("/", "New dub", "dub.html", "dub.js"),
        new("/jobs", "Jobs", "jobs.html", "jobs.js"),
        new("/jobs/{id}", "Job", "job.html", "job.js"),
        new("/jobs/{id}/review", "Review", "review.html", "review.js"),
        new("/voices", "Voices", "voices.html", "voices.js"),
    ];

    private static Task AssetAsync(HttpContext context, string name)
    {
        context.Response.ContentType = name.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
        return context.Response.WriteAsync(Read(name), context.RequestAborted);
    }

    /// <summary>Only a path on this server: a `next` pointing elsewhere would make the login page an open redirect.</summary>
    private static string LocalTarget(string? next) =>
        next is { Length: > 0 } n && n.StartsWith('/') && !n.StartsWith("//", StringComparison.Ordinal) && !n.Contains('\\') ? n : "/";

    private static string Read(string name)
    {
        using var stream = typeof(StudioPages).Assembly.GetManifestResourceStream("studio/" + name)
            ?? throw new InvalidOperationException($"The studio page '{name}' is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
