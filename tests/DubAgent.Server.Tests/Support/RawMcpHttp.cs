using System.Net.Http.Headers;
using System.Text;

namespace DubAgent.Server.Tests.Support;

/// <summary>Hand-made Streamable HTTP requests, for what an SDK client never sends (bad headers, bare initializes).</summary>
public static class RawMcpHttp
{
    public const string Initialize =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";

    public static HttpRequestMessage Post(Uri endpoint, string body, IReadOnlyDictionary<string, string>? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    /// <summary>An initialize that is never followed by anything: the session stays open until it idles out.</summary>
    public static async Task<HttpResponseMessage> InitializeAsync(HttpClient http, Uri endpoint, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = Post(endpoint, Initialize, headers);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        return response;
    }
}
