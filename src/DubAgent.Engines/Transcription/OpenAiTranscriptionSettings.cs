using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Transcription;

/// <summary>
/// Settings of the `openai` transcription engine, from the "OpenAI:Transcription" section
/// (DUBAGENT_OPENAI__TRANSCRIPTION__MODEL), falling back to the shared "OpenAI" section, then OPENAI_API_KEY /
/// OPENAI_BASE_URL. Keys: BaseUrl (default https://api.openai.com/v1; a local Whisper server's /v1 works), ApiKey,
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
        var own = configuration.GetSection("OpenAI:Transcription");
        var shared = configuration.GetSection("OpenAI");
        string? Setting(string key, string? variable = null) =>
            NonEmpty(own[key]) ?? NonEmpty(shared[key]) ?? (variable is null ? null : NonEmpty(environment(variable)));

        var maxBytes = long.TryParse(Setting("MaxUploadBytes"), out var b) && b > 64 * 1024 ? b : DefaultMaxUploadBytes;
        var retries = int.TryParse(Setting("MaxRetries"), out var r) && r >= 0 ? r : 4;
        return new OpenAiTranscriptionSettings(
            (Setting("BaseUrl", "OPENAI_BASE_URL") ?? OpenAiBaseUrl).TrimEnd('/'),
            Setting("ApiKey", "OPENAI_API_KEY"),
            NonEmpty(own["Model"]) ?? "whisper-1",
            NonEmpty(own["Language"]),
            maxBytes,
            retries);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
