using System.ClientModel;
using System.Globalization;
using DubAgent.Abstractions.Errors;
using Microsoft.Extensions.AI;

namespace DubAgent.Engines.Translation.Llm;

/// <summary>
/// Turns what an OpenAI-compatible endpoint answers into DubAgent's error kinds: no answer or a refused key is an
/// engine failure naming the setting to fix; 429 and 5xx are a rate limit the planner waits out (the server's
/// Retry-After when given). One wrapper around the one call, as Microsoft.Extensions.AI's pipeline intends.
/// </summary>
public sealed class EndpointErrors(IChatClient inner, LlmSettings settings) : DelegatingChatClient(inner)
{
    private const string Engine = LlmTranslator.EngineName;

    /// <summary>How an endpoint that gave no answer at all is reported (the planner stops knocking on it for the run).</summary>
    public const string Unanswered = "cannot reach ";

    private string Url => settings.EffectiveBaseUrl;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (ClientResultException e)
        {
            throw Map(e);
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(e.Message, e);
        }
    }

    private Exception Map(ClientResultException e) => e.Status switch
    {
        // No HTTP response at all: the SDK wraps the connection failure.
        0 => Unreachable(e.InnerException?.Message ?? e.Message, e),
        429 => new ChatRateLimitedException($"{Url} answered 429 (rate limited)", RetryAfter(e), e),
        401 or 403 => new EngineFailedException(Engine, $"{Url} refused the API key (HTTP {e.Status}).",
            "Set DUBAGENT_LLM_API_KEY (or Llm:ApiKey) to a valid key for this endpoint.", inner: e),
        404 => new EngineFailedException(Engine, $"{Url} has no chat completions for model '{settings.Model}' (HTTP 404).",
            "Check DUBAGENT_LLM_BASE_URL (the API root, ending in /v1) and DUBAGENT_LLM_MODEL.", inner: e),
        // Transient on most servers: waited out like a rate limit.
        >= 500 => new ChatRateLimitedException($"{Url} answered HTTP {e.Status}", null, e),
        _ => new EngineFailedException(Engine, $"{Url} answered HTTP {e.Status}: {e.Message}",
            "Check the endpoint, model and key settings (docs/translation.md).", inner: e),
    };

    private EngineFailedException Unreachable(string reason, Exception inner) =>
        new(Engine, $"{Unanswered}{Url}: {reason}", "Start the server or fix DUBAGENT_LLM_BASE_URL.", inner: inner);

    private static TimeSpan? RetryAfter(ClientResultException e)
    {
        var response = e.GetRawResponse();
        if (response is null) return null;
        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds))
            return TimeSpan.FromMilliseconds(milliseconds);
        if (response.Headers.TryGetValue("retry-after", out var value))
        {
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)) return TimeSpan.FromSeconds(seconds);
            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
                return when - DateTimeOffset.UtcNow is { Ticks: > 0 } wait ? wait : TimeSpan.Zero;
        }
        return null;
    }
}
