using System.ComponentModel.DataAnnotations;
using DubAgent.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Translation.Llm;

/// <summary>
/// Where the `llm` engine's chat model lives. From configuration section "Llm" (dubagent.json, or environment variables
/// DUBAGENT_LLM__BASEURL, DUBAGENT_LLM__MODEL, DUBAGENT_LLM__APIKEY), or the flat variables DUBAGENT_LLM_BASE_URL,
/// DUBAGENT_LLM_MODEL, DUBAGENT_LLM_API_KEY. The section binds to this record, so its keys are declared here once.
/// </summary>
public sealed record LlmSettings
{
    public const string Section = "Llm";

    public const string DefaultBaseUrl = "https://api.openai.com/v1";

    /// <summary>An OpenAI-compatible API root (…/v1): OpenAI, Azure OpenAI's /openai/v1, Ollama, vLLM, LM Studio.</summary>
    [Url]
    public string? BaseUrl { get; init; }

    public string? Model { get; init; }

    /// <summary>May be empty for local servers that do not check keys.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Seconds one chat request may take.</summary>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true)]
    public double TimeoutSeconds { get; init; } = DefaultTimeoutSeconds;

    /// <summary>Rewording rounds for lines over budget; unset, the planner's default (a call's max_rounds wins).</summary>
    [Range(0, int.MaxValue)]
    public int? MaxRounds { get; init; }

    /// <summary>Most segments in one chat request; unset, the planner's default (a call's window_segments wins).</summary>
    [Range(1, int.MaxValue)]
    public int? WindowSegments { get; init; }

    /// <summary>Seconds the reachability check before work waits for the endpoint to answer.</summary>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true)]
    public double ProbeTimeoutSeconds { get; init; } = 3;

    private const double DefaultTimeoutSeconds = 120;

    /// <summary>A model is named: enough to try a request (the base URL defaults to OpenAI's).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Model);

    public string EffectiveBaseUrl => string.IsNullOrWhiteSpace(BaseUrl) ? DefaultBaseUrl : BaseUrl!;

    public static LlmSettings From(IConfiguration? configuration, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var section = configuration?.GetSection(Section);
        var bound = configuration?.GetOptions<LlmSettings>(Section) ?? new LlmSettings();
        // The flat variables only fill what the section leaves empty.
        var flatTimeout = double.TryParse(environment("DUBAGENT_LLM_TIMEOUT_SECONDS"), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var t) && double.IsFinite(t) && t > 0 ? t : DefaultTimeoutSeconds;
        return bound with
        {
            BaseUrl = NonEmpty(bound.BaseUrl) ?? NonEmpty(environment("DUBAGENT_LLM_BASE_URL")),
            Model = NonEmpty(bound.Model) ?? NonEmpty(environment("DUBAGENT_LLM_MODEL")),
            ApiKey = NonEmpty(bound.ApiKey) ?? NonEmpty(environment("DUBAGENT_LLM_API_KEY")),
            TimeoutSeconds = string.IsNullOrWhiteSpace(section?["TimeoutSeconds"]) ? flatTimeout : bound.TimeoutSeconds,
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
