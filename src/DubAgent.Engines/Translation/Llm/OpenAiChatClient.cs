using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Runtime.CompilerServices;
using DubAgent.Abstractions.Errors;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AiChatRole = Microsoft.Extensions.AI.ChatRole;
using AiResponseFormat = Microsoft.Extensions.AI.ChatResponseFormat;

namespace DubAgent.Engines.Translation.Llm;

/// <summary>
/// <see cref="IChatClient"/> over the official OpenAI SDK's <see cref="ChatClient"/>, for any OpenAI-compatible
/// /chat/completions endpoint. Text messages only: the planner needs nothing else. The SDK's own retries are off so a
/// rate limit reaches the planner as <see cref="ChatRateLimitedException"/> and is waited out where it is visible.
/// </summary>
public sealed class OpenAiChatClient : IChatClient
{
    public const string EngineName = "llm";
    private readonly ChatClient _client;
    private readonly LlmSettings _settings;
    private readonly ChatClientMetadata _metadata;

    public OpenAiChatClient(LlmSettings settings)
    {
        if (!settings.IsConfigured)
            throw new InputException("No chat model is configured for the 'llm' translation engine.",
                "Set DUBAGENT_LLM_MODEL (and DUBAGENT_LLM_BASE_URL, DUBAGENT_LLM_API_KEY for other endpoints); see docs/translation.md.");
        if (!Uri.TryCreate(settings.EffectiveBaseUrl, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            throw new InputException($"The LLM base URL '{settings.EffectiveBaseUrl}' is not an http(s) URL.",
                "Set DUBAGENT_LLM_BASE_URL to the API root, e.g. http://localhost:11434/v1 for Ollama.");
        _settings = settings;
        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromSeconds(settings.TimeoutSeconds),
        };
        // Local servers (Ollama, vLLM, LM Studio) ignore the key, but the SDK requires one.
        var key = string.IsNullOrEmpty(settings.ApiKey) ? "not-needed" : settings.ApiKey;
        _client = new ChatClient(settings.Model!, new ApiKeyCredential(key), options);
        _metadata = new ChatClientMetadata("openai-compatible", endpoint, settings.Model);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AiChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var request = messages.Select(ToOpenAi).ToList();
        var completionOptions = new ChatCompletionOptions();
        if (options?.Temperature is { } temperature) completionOptions.Temperature = temperature;
        if (options?.MaxOutputTokens is { } max) completionOptions.MaxOutputTokenCount = max;
        if (options?.ResponseFormat is ChatResponseFormatJson) completionOptions.ResponseFormat = OpenAI.Chat.ChatResponseFormat.CreateJsonObjectFormat();

        ChatCompletion completion;
        try
        {
            completion = (await _client.CompleteChatAsync(request, completionOptions, cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (ClientResultException e) when (e.Status == 0)
        {
            // No HTTP response at all: the SDK wraps the connection failure.
            throw new EngineFailedException(EngineName, $"cannot reach {_settings.EffectiveBaseUrl}: {e.InnerException?.Message ?? e.Message}",
                "Start the server or fix DUBAGENT_LLM_BASE_URL.", inner: e);
        }
        catch (ClientResultException e) when (e.Status == 429)
        {
            throw new ChatRateLimitedException($"{_settings.EffectiveBaseUrl} answered 429 (rate limited)", RetryAfter(e), e);
        }
        catch (ClientResultException e) when (e.Status is 401 or 403)
        {
            throw new EngineFailedException(EngineName, $"{_settings.EffectiveBaseUrl} refused the API key (HTTP {e.Status}).",
                "Set DUBAGENT_LLM_API_KEY (or Llm:ApiKey) to a valid key for this endpoint.", inner: e);
        }
        catch (ClientResultException e) when (e.Status == 404)
        {
            throw new EngineFailedException(EngineName, $"{_settings.EffectiveBaseUrl} has no chat completions for model '{_settings.Model}' (HTTP 404).",
                "Check DUBAGENT_LLM_BASE_URL (the API root, ending in /v1) and DUBAGENT_LLM_MODEL.", inner: e);
        }
        catch (ClientResultException e) when (e.Status >= 500)
        {
            // Transient on most servers: the planner treats it like a rate limit and waits.
            throw new ChatRateLimitedException($"{_settings.EffectiveBaseUrl} answered HTTP {e.Status}", null, e);
        }
        catch (ClientResultException e)
        {
            throw new EngineFailedException(EngineName, $"{_settings.EffectiveBaseUrl} answered HTTP {e.Status}: {e.Message}",
                "Check the endpoint, model and key settings (docs/translation.md).", inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new EngineFailedException(EngineName, $"cannot reach {_settings.EffectiveBaseUrl}: {e.Message}",
                "Start the server or fix DUBAGENT_LLM_BASE_URL.", inner: e);
        }

        var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        return new ChatResponse(new AiChatMessage(AiChatRole.Assistant, text))
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = completion.CreatedAt,
            FinishReason = completion.FinishReason switch
            {
                OpenAI.Chat.ChatFinishReason.Stop => Microsoft.Extensions.AI.ChatFinishReason.Stop,
                OpenAI.Chat.ChatFinishReason.Length => Microsoft.Extensions.AI.ChatFinishReason.Length,
                OpenAI.Chat.ChatFinishReason.ContentFilter => Microsoft.Extensions.AI.ChatFinishReason.ContentFilter,
                OpenAI.Chat.ChatFinishReason.ToolCalls or OpenAI.Chat.ChatFinishReason.FunctionCall => Microsoft.Extensions.AI.ChatFinishReason.ToolCalls,
                _ => null,
            },
            Usage = completion.Usage is { } usage
                ? new UsageDetails { InputTokenCount = usage.InputTokenCount, OutputTokenCount = usage.OutputTokenCount, TotalTokenCount = usage.TotalTokenCount }
                : null,
        };
    }

    /// <summary>One update holding the whole answer: the planner reads complete JSON documents anyway.</summary>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<AiChatMessage> messages,
        ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates()) yield return update;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceType == typeof(ChatClient) ? _client
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    private static OpenAI.Chat.ChatMessage ToOpenAi(AiChatMessage message)
    {
        var text = message.Text;
        if (message.Role == AiChatRole.System) return new SystemChatMessage(text);
        if (message.Role == AiChatRole.Assistant) return new AssistantChatMessage(text);
        return new UserChatMessage(text);
    }

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
