using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Translation.Llm;

/// <summary>
/// Where the `llm` engine's chat model lives. From configuration section "Llm" (dubagent.json, or environment variables
/// DUBAGENT_LLM__BASEURL, DUBAGENT_LLM__MODEL, DUBAGENT_LLM__APIKEY), or the flat variables DUBAGENT_LLM_BASE_URL,
/// DUBAGENT_LLM_MODEL, DUBAGENT_LLM_API_KEY.
/// </summary>
public sealed record LlmSettings
{
    public const string DefaultBaseUrl = "https://api.openai.com/v1";

    /// <summary>An OpenAI-compatible API root (…/v1): OpenAI, Azure OpenAI's /openai/v1, Ollama, vLLM, LM Studio.</summary>
    public string? BaseUrl { get; init; }

    public string? Model { get; init; }

    /// <summary>May be empty for local servers that do not check keys.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Seconds one chat request may take.</summary>
    public double TimeoutSeconds { get; init; } = 120;

    /// <summary>A model is named: enough to try a request (the base URL defaults to OpenAI's).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Model);

    public string EffectiveBaseUrl => string.IsNullOrWhiteSpace(BaseUrl) ? DefaultBaseUrl : BaseUrl!;

    public static LlmSettings From(IConfiguration? configuration, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var section = configuration?.GetSection("Llm");
        string? Pick(string key, string flatVariable) =>
            NonEmpty(section?[key]) ?? NonEmpty(environment(flatVariable));
        return new LlmSettings
        {
            BaseUrl = Pick("BaseUrl", "DUBAGENT_LLM_BASE_URL"),
            Model = Pick("Model", "DUBAGENT_LLM_MODEL"),
            ApiKey = Pick("ApiKey", "DUBAGENT_LLM_API_KEY"),
            TimeoutSeconds = double.TryParse(Pick("TimeoutSeconds", "DUBAGENT_LLM_TIMEOUT_SECONDS"),
                System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var t) && t > 0 ? t : 120,
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
