using System.Net;
using System.Net.Http.Headers;

namespace DubAgent.Engines.Translation.Llm;

/// <summary>
/// Whether the configured endpoint answers, before any work: one GET of the API's model list (cheap on every
/// OpenAI-compatible server) with a short timeout. Any HTTP answer counts as reachable except a refused key;
/// no answer in time, or no connection, is unreachable and the reason is returned.
/// </summary>
public static class EndpointProbe
{
    /// <returns>Null when the endpoint answers, else why not.</returns>
    public static async Task<string?> ProblemAsync(LlmSettings settings, CancellationToken cancellationToken)
    {
        Uri endpoint;
        try
        {
            endpoint = EndpointChatClient.Endpoint(settings);
        }
        catch (Abstractions.Errors.InputException e)
        {
            return e.Message;
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(settings.ProbeTimeoutSeconds) };
        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint.ToString().TrimEnd('/') + "/models");
        if (!string.IsNullOrEmpty(settings.ApiKey)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                ? $"{settings.EffectiveBaseUrl} refused the API key (HTTP {(int)response.StatusCode})"
                : null;
        }
        catch (HttpRequestException e)
        {
            return $"{settings.EffectiveBaseUrl} does not answer: {e.Message}";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"{settings.EffectiveBaseUrl} did not answer within {settings.ProbeTimeoutSeconds:0.#} s";
        }
    }
}
