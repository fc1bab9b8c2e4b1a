using DubAgent.Server.Hosting;
using DubAgent.Server.Transports;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Server.Studio;

/// <summary>
/// The web studio on the MCP HTTP host: every path but <see cref="HttpBinding.Path"/> goes to its own branch, which
/// checks Host and Origin like MCP does, asks for the token through a login page (a cookie) instead of a bearer header,
/// and refuses every unsafe request without its anti-forgery token.
/// </summary>
public static class StudioRegistration
{
    public const string CsrfHeader = "X-CSRF-TOKEN";
    public const string CsrfField = "__csrf";

    public static IServiceCollection AddStudio(this IServiceCollection services)
    {
        services.AddRouting();
        // Keys in memory: nothing written to the user's profile; a restart only asks pages to be reloaded.
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddAntiforgery(o =>
        {
            o.HeaderName = CsrfHeader;
            o.FormFieldName = CsrfField;
            o.Cookie.Name = "dubagent_csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
        });
        return services;
    }

    public static WebApplication UseStudio(this WebApplication app, DubAgentServer server, HttpBinding binding)
    {
        var settings = StudioSettings.FromEnvironment();
        var signIn = new StudioSignIn(binding.Token);
        var runs = new StudioRuns(server);
        var batches = new BatchRender(server, runs);
        // Host and Origin exactly as for MCP; the token is the studio's own check (cookie or bearer).
        var hostCheck = new AccessGate(binding with { Token = null });
        // Requests the host's own routing already matched (MCP, live dubbing) are not the studio's.
        app.MapWhen(context => context.GetEndpoint() is null && !context.Request.Path.StartsWithSegments(HttpBinding.Path), studio =>
        {
            studio.Use(hostCheck.InvokeAsync);
            studio.Use(SameOriginForWrites);
            studio.Use(signIn.InvokeAsync);
            studio.Use(settings.ApplyUploadLimit);
            studio.Use(CheckCsrfAsync);
            studio.UseRouting();
            studio.UseEndpoints(endpoints =>
            {
                StudioPages.Map(endpoints, signIn);
                new StudioApi(server, runs, settings, batches).Map(endpoints);
                new JobEvents(server, batches).Map(endpoints);
                new ReviewApi(server, runs).Map(endpoints);
                new VoiceCastApi(server, runs).Map(endpoints);
                new VoiceLibraryApi(server).Map(endpoints);
            });
        });
        app.Lifetime.ApplicationStopping.Register(() => runs.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5)));
        return app;
    }

    /// <summary>A write from a page must come from this very origin (scheme, host and port), not any local page.</summary>
    private static Task SameOriginForWrites(HttpContext context, RequestDelegate next)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (!IsSafe(context.Request.Method) && origin.Length > 0)
        {
            var own = $"{context.Request.Scheme}://{context.Request.Host}";
            if (!string.Equals(origin, own, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return context.Response.WriteAsync($"Forbidden: the studio accepts changes only from its own pages ({own}), not from '{origin}'.");
            }
        }
        return next(context);
    }

    /// <summary>Every POST/PUT/DELETE carries the anti-forgery token (form field or header) that the studio's pages embed.</summary>
    private static async Task CheckCsrfAsync(HttpContext context, RequestDelegate next)
    {
        if (!IsSafe(context.Request.Method))
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            // The header is checked before the body is read, so a refused upload is not buffered first.
            if (!context.Request.Headers.ContainsKey(CsrfHeader) && !context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync("Refused: this form has no valid anti-forgery token. Reload the studio page and send it again.").ConfigureAwait(false);
                return;
            }
        }
        await next(context).ConfigureAwait(false);
    }

    internal static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
}
