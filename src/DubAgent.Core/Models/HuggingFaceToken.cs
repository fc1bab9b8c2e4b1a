using System.Net.Http.Headers;

namespace DubAgent.Core.Models;

/// <summary>
/// `HF_TOKEN` as `Authorization: Bearer` on requests to huggingface.co (gated or rate-limited models), and to no other
/// host: a token is never sent to a mirror or a test server. (.NET drops the header on redirects to the CDN.)
/// </summary>
public static class HuggingFaceToken
{
    public static AuthenticationHeaderValue? For(Uri url, string? token = null)
    {
        token ??= Environment.GetEnvironmentVariable("HF_TOKEN");
        if (string.IsNullOrWhiteSpace(token) || url.Scheme != Uri.UriSchemeHttps) return null;
        var host = url.Host;
        var isHub = host.Equals("huggingface.co", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".huggingface.co", StringComparison.OrdinalIgnoreCase);
        return isHub ? new AuthenticationHeaderValue("Bearer", token.Trim()) : null;
    }
}
