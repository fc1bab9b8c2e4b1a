using System.ClientModel;
using System.ClientModel.Primitives;
using DubAgent.Abstractions.Errors;
using Microsoft.Extensions.AI;
using OpenAI;

namespace DubAgent.Engines.Translation.Llm;

/// <summary>
/// The chat client for the configured endpoint: Microsoft.Extensions.AI.OpenAI's <c>AsIChatClient()</c> over the
/// official SDK (any OpenAI-compatible /chat/completions: OpenAI, Azure OpenAI's /openai/v1, Ollama, llama.cpp server,
/// vLLM, LM Studio), wrapped in <see cref="EndpointErrors"/>. The SDK's own retries are off so a rate limit reaches
/// the planner, which waits it out where it is visible.
/// </summary>
public static class EndpointChatClient
{
    public static IChatClient Create(LlmSettings settings)
    {
        var endpoint = Endpoint(settings);
        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromSeconds(settings.TimeoutSeconds),
        };
        // Local servers (Ollama, vLLM, LM Studio) ignore the key, but the SDK requires one.
        var key = string.IsNullOrEmpty(settings.ApiKey) ? "not-needed" : settings.ApiKey;
        var chat = new OpenAIClient(new ApiKeyCredential(key), options).GetChatClient(settings.Model!).AsIChatClient();
        return new EndpointErrors(chat, settings);
    }

    /// <summary>The configured API root, or an input error naming the setting.</summary>
    public static Uri Endpoint(LlmSettings settings)
    {
        if (!settings.IsConfigured)
            throw new InputException("No chat model is configured for the 'llm' translation engine.",
                "Set DUBAGENT_LLM_MODEL (and DUBAGENT_LLM_BASE_URL, DUBAGENT_LLM_API_KEY for other endpoints); see docs/translation.md.");
        if (!Uri.TryCreate(settings.EffectiveBaseUrl, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            throw new InputException($"The LLM base URL '{settings.EffectiveBaseUrl}' is not an http(s) URL.",
                "Set DUBAGENT_LLM_BASE_URL to the API root, e.g. http://localhost:11434/v1 for Ollama.");
        return endpoint;
    }
}
