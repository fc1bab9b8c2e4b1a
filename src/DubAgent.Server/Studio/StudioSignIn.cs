using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace DubAgent.Server.Studio;

/// <summary>
/// The token rule of `serve --token` for a browser: the login page takes the token once and sets an HttpOnly,
/// SameSite=Strict cookie holding a keyed hash of it (never the token itself). A request without the cookie (or the
/// bearer header MCP clients send) is sent to the login page, or gets 401 when it is not a page.
/// </summary>
public sealed class StudioSignIn(string? token)
{
    public const string CookieName = "dubagent_studio";
    public const string LoginPath = "/login";

    private readonly byte[]? _token = token is null ? null : Encoding.UTF8.GetBytes(token);

    public bool Required => _token is not null;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path;
        if (_token is null || path == LoginPath || path == "/studio.css" || IsSignedIn(context.Request))
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        if (HttpMethods.IsGet(context.Request.Method) && !path.StartsWithSegments("/api") && !path.StartsWithSegments("/files"))
        {
            context.Response.Redirect($"{LoginPath}?next={Uri.EscapeDataString(path + context.Request.QueryString)}");
            return;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        await context.Response.WriteAsync("Unauthorized: sign in on the studio's login page with the server's token first.").ConfigureAwait(false);
    }

    /// <summary>Checks a token typed on the login page; on success the cookie is set.</summary>
    public bool TrySignIn(HttpContext context, string? given)
    {
        if (_token is null) return true;
        if (given is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given.Trim()), _token)) return false;
        context.Response.Cookies.Append(CookieName, CookieValue(), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
        });
        return true;
    }

    public static void SignOut(HttpContext context) => context.Response.Cookies.Delete(CookieName);

    private bool IsSignedIn(HttpRequest request)
    {
        if (request.Cookies.TryGetValue(CookieName, out var cookie) && cookie is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(cookie), Encoding.ASCII.GetBytes(CookieValue())))
            return true;
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
               && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()), _token);
    }

    /// <summary>A keyed hash of the token: the cookie proves the token was typed without carrying it.</summary>
    private string CookieValue() => Convert.ToHexStringLower(HMACSHA256.HashData(_token!, "dubagent studio sign-in"u8));
}
