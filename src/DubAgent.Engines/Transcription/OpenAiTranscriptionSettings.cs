using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Transcription;

/// <summary>
/// Settings of the `openai` transcription engine, from the "OpenAI:Transcription" section
/// (DUBAGENT_OPENAI__TRANSCRIPTION__MODEL), falling back to the shared "OpenAI" section, then OPENAI_API_KEY /
/// OPENAI_BASE_URL (the keys: <see cref="OpenAiOptions"/>). Keys: BaseUrl (default https://api.openai.com/v1; a local Whisper server's /v1 works), ApiKey,
/// Model (default whisper-1), Language (default for calls that give none), MaxUploadBytes (default 25 MB, the API's
/// file limit), MaxRetries (default 4, for 429 and 5xx answers).
/// </summary>
public sealed record OpenAiTranscriptionSettings(string BaseUrl, string? ApiKey, string Model, string? Language, long MaxUploadBytes, int MaxRetries)
{
    public const string OpenAiBaseUrl = "https://api.openai.com/v1";
    public const long DefaultMaxUploadBytes = 25L * 1000 * 1000;

    public bool IsOpenAi => BaseUrl.Contains("api.openai.com", StringComparison.OrdinalIgnoreCase);

    /// <summary>gpt-4o(-mini)-transcribe answer plain json only: no segment or word times.</summary>
    public bool GivesTimestamps => !Model.StartsWith("gpt-4o", StringComparison.OrdinalIgnoreCase);

    public static OpenAiTranscriptionSettings From(IConfiguration configuration, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var shared = OpenAiOptions.From(configuration);
        var own = shared.Transcription;
        return new OpenAiTranscriptionSettings(
            (NonEmpty(own.BaseUrl) ?? NonEmpty(shared.BaseUrl) ?? NonEmpty(environment("OPENAI_BASE_URL")) ?? OpenAiBaseUrl).TrimEnd('/'),
            NonEmpty(own.ApiKey) ?? NonEmpty(shared.ApiKey) ?? NonEmpty(environment("OPENAI_API_KEY")),
            own.Model.Trim(),
            NonEmpty(own.Language),
            own.MaxUploadBytes ?? shared.MaxUploadBytes ?? DefaultMaxUploadBytes,
            own.MaxRetries ?? shared.MaxRetries ?? 4);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
